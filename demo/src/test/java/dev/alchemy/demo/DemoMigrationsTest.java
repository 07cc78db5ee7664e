package dev.alchemy.demo;

import static dev.alchemy.Alchemy.createEngine;
import static dev.alchemy.Alchemy.text;
import static org.assertj.core.api.Assertions.assertThat;

import dev.alchemy.boot.autoconfigure.AlchemySchemaInitializer;
import dev.alchemy.boot.autoconfigure.SchemaMode;
import dev.alchemy.demo.users.Address;
import dev.alchemy.demo.users.User;
import dev.alchemy.engine.Connection;
import dev.alchemy.engine.Engine;
import dev.alchemy.orm.Base;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The demo's schema is Flyway's ({@code src/main/resources/db/migration}, written by {@code mvn alchemy:migration})
 * and the starter validates it against the models: a fresh database gets the migrations; a database from before
 * the demo had migrations (made by {@code createAll}) is baselined at version 1, gets the later ones, and keeps its
 * rows.
 */
class DemoMigrationsTest {

    @TempDir
    Path dir;

    private static ConfigurableApplicationContext start(Path database) {
        return new SpringApplicationBuilder(DemoApplication.class)
                .run("--alchemy.url=sqlite:///" + database, "--server.port=0", "--server.address=127.0.0.1");
    }

    private static List<Map<String, Object>> history(JdbcTemplate jdbc) {
        return jdbc.queryForList("SELECT version, type, success FROM flyway_schema_history ORDER BY installed_rank");
    }

    @Test
    void aFreshDatabaseGetsTheMigrationsAndMatchesTheModels() {
        try (ConfigurableApplicationContext context = start(dir.resolve("fresh.db"))) {
            assertThat(context.getBean(AlchemySchemaInitializer.class).mode()).isEqualTo(SchemaMode.VALIDATE);
            List<Map<String, Object>> history = history(context.getBean(JdbcTemplate.class));
            assertThat(history)
                    .isNotEmpty()
                    .allSatisfy(row -> assertThat(row.get("type")).isEqualTo("SQL"));
            assertThat(history.get(0).get("version")).isEqualTo("1");
        }
    }

    @Test
    void aDatabaseFromBeforeTheMigrationsIsBaselinedAndKeepsItsRows() {
        Path database = dir.resolve("old.db");
        Engine engine = createEngine("sqlite:///" + database);
        Base.of(User.class, Address.class).metadata().createAll(engine);
        try (Connection conn = engine.connect()) {
            conn.execute(text("INSERT INTO users (id, name, email) VALUES (1, 'Alice', 'alice@example.com')"));
            conn.execute(text(
                    "INSERT INTO addresses (id, user_id, street, city) VALUES (1, 1, '1 Rue de Rivoli', 'Paris')"));
            conn.commit();
        }
        engine.dispose();

        try (ConfigurableApplicationContext context = start(database)) {
            JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
            List<Map<String, Object>> history = history(jdbc);
            assertThat(history.get(0)).containsEntry("version", "1").containsEntry("type", "BASELINE");
            assertThat(jdbc.queryForObject("SELECT name FROM users WHERE id = 1", String.class))
                    .isEqualTo("Alice");
            assertThat(jdbc.queryForObject("SELECT city FROM addresses WHERE user_id = 1", String.class))
                    .isEqualTo("Paris");
        }
    }
}
