package dev.alchemy.boot.autoconfigure.flyway;

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
 * Boot's database initialization runs Flyway first, then {@code createAll} (which leaves the migrated table alone and
 * creates the rest), then {@code data.sql}; the Session comes after all of them.
 */
@SpringBootTest(classes = FlywayApp.class)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class FlywayOrderingTest {

    @TempDir
    static Path dir;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("alchemy.url", () -> "sqlite:///" + dir.resolve("flyway.db"));
        registry.add("spring.flyway.enabled", () -> "true");
        // with Flyway present the default mode is validate; this test is about createAll's place after Flyway
        registry.add("alchemy.schema.mode", () -> "create");
        registry.add("spring.flyway.locations", () -> "classpath:flyway-test");
        registry.add("spring.sql.init.mode", () -> "always");
        registry.add("spring.sql.init.data-locations", () -> "classpath:flyway-test/data.sql");
    }

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    AlchemyModels models;

    @Autowired
    Session session;

    @Test
    void flywayThenCreateAllThenDataSql() {
        assertThat(models.models()).containsExactly(Account.class, Tag.class);
        assertThat(jdbc.queryForObject("SELECT sql FROM sqlite_master WHERE name = 'accounts'", String.class))
                .contains("made by flyway");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM flyway_schema_history WHERE success = 1", Integer.class))
                .isOne();
        assertThat(jdbc.queryForObject("SELECT label FROM tags", String.class)).isEqualTo("from data.sql");
        Account ann = session.get(Account.class, 1);
        assertThat(ann).isNotNull();
        assertThat(ann.owner).isEqualTo("Ann");
    }
}
