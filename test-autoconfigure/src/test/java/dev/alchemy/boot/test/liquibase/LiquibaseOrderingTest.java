package dev.alchemy.boot.test.liquibase;

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

/**
 * Boot's database initialization runs Liquibase first (4.33, the last Apache-2.0 line), then {@code createAll}
 * (which leaves the table of the change set alone and creates the rest), then {@code data.sql}; the Session comes
 * after all of them.
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

    @Test
    void liquibaseThenCreateAllThenDataSql() {
        assertThat(models.models()).containsExactly(Account.class, Tag.class);
        assertThat(jdbc.queryForObject("SELECT sql FROM sqlite_master WHERE name = 'accounts'", String.class))
                .contains("made by liquibase");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM DATABASECHANGELOG", Integer.class))
                .isOne();
        assertThat(jdbc.queryForObject("SELECT label FROM tags", String.class)).isEqualTo("from data.sql");
        Account ann = session.get(Account.class, 1);
        assertThat(ann).isNotNull();
        assertThat(ann.owner).isEqualTo("Ann");
    }
}
