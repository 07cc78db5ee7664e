package dev.alchemy.boot.autoconfigure.liquibase;

import static org.assertj.core.api.Assertions.assertThat;

import dev.alchemy.boot.autoconfigure.AlchemyModels;
import dev.alchemy.orm.Session;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Boot's database initialization runs Liquibase first, then {@code createAll} (which leaves the table the changeset
 * made alone and creates the rest), then {@code data.sql}; the Session comes after all of them. Liquibase 4.33, the
 * last release under the Apache licence, with Boot's Liquibase support.
 */
@SpringBootTest(classes = LiquibaseApp.class)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class LiquibaseOrderingTest {

    @TempDir
    static Path dir;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("alchemy.url", () -> "sqlite:///" + dir.resolve("liquibase.db"));
        registry.add("spring.liquibase.enabled", () -> "true");
        // with Liquibase present the default mode is validate; this test is about createAll's place after Liquibase
        registry.add("alchemy.schema.mode", () -> "create");
        registry.add("spring.liquibase.change-log", () -> "classpath:liquibase-test/changelog.sql");
        registry.add("spring.sql.init.mode", () -> "always");
        registry.add("spring.sql.init.data-locations", () -> "classpath:liquibase-test/data.sql");
    }

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    AlchemyModels models;

    @Autowired
    Session session;

    @Autowired
    TransactionTemplate transactions;

    @Test
    void liquibaseThenCreateAllThenDataSql() {
        assertThat(models.models()).containsExactlyInAnyOrder(Ledger.class, Entry.class);
        assertThat(jdbc.queryForObject("SELECT sql FROM sqlite_master WHERE name = 'ledgers'", String.class))
                .as("the table as the changeset made it, not as createAll would")
                .contains("made by liquibase");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM DATABASECHANGELOG", Integer.class))
                .isOne();
        assertThat(jdbc.queryForObject("SELECT memo FROM entries", String.class))
                .isEqualTo("from data.sql");
        Ledger first = transactions.execute(status -> session.get(Ledger.class, 1));
        assertThat(first).isNotNull();
        assertThat(first.title).isEqualTo("2026");
    }
}
