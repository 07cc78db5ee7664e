package dev.alchemy.boot.autoconfigure.validate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.alchemy.boot.autoconfigure.AlchemySchemaDriftException;
import dev.alchemy.boot.autoconfigure.AlchemySchemaInitializer;
import dev.alchemy.boot.autoconfigure.SchemaMode;
import dev.alchemy.engine.Engine;
import dev.alchemy.migration.MigrationScript;
import dev.alchemy.migration.SchemaDiff;
import dev.alchemy.orm.Base;
import dev.alchemy.testing.OnDatabases;
import dev.alchemy.testing.TestDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The starter never hides drift: with Flyway present the schema mode is {@code validate}, a model column missing
 * from the migrated database stops start-up with a report naming it and the command that writes the migration, and
 * once the generated migration is there, the application starts and the rows are still there.
 */
// MariaDB: migration scripts are rendered for SQLite and PostgreSQL only so far (MySQL ALTER syntax), issue 20
@OnDatabases({TestDatabase.Kind.SQLITE, TestDatabase.Kind.POSTGRESQL})
class SchemaValidateTest {

    @Parameter
    TestDatabase db;

    @TempDir
    Path migrations;

    @BeforeEach
    void firstMigration() throws IOException {
        Files.writeString(migrations.resolve("V1__customers.sql"), """
                CREATE TABLE customers (
                    id INTEGER NOT NULL,
                    name VARCHAR(50) NOT NULL,
                    PRIMARY KEY (id)
                );
                INSERT INTO customers (id, name) VALUES (1, 'Ann');
                """);
    }

    @AfterEach
    void clean() {
        db.reset();
    }

    private ConfigurableApplicationContext start(String... extra) {
        List<String> properties = new ArrayList<>(List.of(
                "spring.flyway.enabled=true",
                "spring.flyway.locations=filesystem:" + migrations,
                "alchemy.models.packages=" + Customer.class.getPackageName(),
                "spring.main.web-application-type=none"));
        if (db.isSqlite()) {
            properties.add("alchemy.url=" + db.url());
        } else {
            properties.add("spring.datasource.url=" + db.jdbcUrl());
            properties.add("spring.datasource.username=" + db.username());
        }
        properties.addAll(List.of(extra));
        // as arguments: they must win over the test resources' application.properties (spring.flyway.enabled=false)
        return new SpringApplicationBuilder(ValidateApp.class)
                .run(properties.stream().map(p -> "--" + p).toArray(String[]::new));
    }

    @Test
    void aMissingColumnFailsStartUpUntilTheGeneratedMigrationRuns() throws IOException {
        Throwable failure = catchThrowable(this::start);
        AlchemySchemaDriftException drift = cause(failure, AlchemySchemaDriftException.class);
        assertThat(drift).as("start-up fails with the drift: %s", failure).isNotNull();
        assertThat(drift.differences()).containsExactly("add column customers.phone VARCHAR(20)");
        FailureAnalysis report = drift.analysis();
        assertThat(report.getDescription())
                .contains("does not match the models")
                .contains("add column customers.phone VARCHAR(20)");
        assertThat(report.getAction()).contains("mvn alchemy:migration -Dmessage=");

        // what the goal does: compare, render, write the next version
        Engine engine = db.createEngine();
        SchemaDiff diff = SchemaDiff.compare(Base.of(Customer.class).metadata(), engine);
        Files.writeString(
                migrations.resolve("V2__add_phone.sql"),
                MigrationScript.render(diff).sql());
        engine.dispose();

        try (ConfigurableApplicationContext context = start()) {
            assertThat(context.getBean(AlchemySchemaInitializer.class).mode()).isEqualTo(SchemaMode.VALIDATE);
            JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
            assertThat(jdbc.queryForObject("SELECT name FROM customers WHERE id = 1", String.class))
                    .isEqualTo("Ann");
            jdbc.update("UPDATE customers SET phone = '555-0100' WHERE id = 1");
        }
    }

    @Test
    void createModeStillCreatesWhatIsMissingBehindFlyway() {
        Throwable failure =
                catchThrowable(() -> start("alchemy.schema.mode=create").close());
        assertThat(failure).isNull();
    }

    @Test
    void noneLeavesTheSchemaAlone() {
        try (ConfigurableApplicationContext context = start("alchemy.schema.mode=none")) {
            assertThat(context.getBeansOfType(AlchemySchemaInitializer.class)).isEmpty();
        }
    }

    private static <T extends Throwable> T cause(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
