package dev.alchemy.maven;

import static dev.alchemy.Alchemy.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.alchemy.engine.Engine;
import dev.alchemy.maven.sample.Customer;
import dev.alchemy.testing.OnDatabases;
import dev.alchemy.testing.TestDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;

/**
 * The goal's work on a project whose development database is at V1 and whose model gained a column: it reads the
 * database from application.properties, finds the model, writes V2, and the next run after V2 was applied writes
 * nothing.
 */
@OnDatabases
class MigrationWriterTest {

    @Parameter
    TestDatabase db;

    @TempDir
    Path project;

    Engine engine;
    List<String> log = new ArrayList<>();

    @BeforeEach
    void atVersionOne() throws IOException {
        engine = db.createEngine();
        engine.useTransaction(c -> c.execute(
                text("CREATE TABLE customers (id INTEGER NOT NULL, name VARCHAR(50) NOT NULL, PRIMARY KEY (id))")));
        Files.createDirectories(project.resolve("src/main/resources/db/migration"));
        Files.writeString(project.resolve("src/main/resources/db/migration/V1__customers.sql"), "-- V1\n");
        String properties = db.isSqlite()
                ? "alchemy.url=" + db.url() + "\n"
                : "spring.datasource.url=" + db.jdbcUrl() + "\nspring.datasource.username=" + db.username() + "\n";
        Files.writeString(project.resolve("src/main/resources/application.properties"), properties);
    }

    @AfterEach
    void clean() {
        db.reset();
    }

    private MigrationWriter.Settings settings(String message, @Nullable String url, List<String> packages) {
        return new MigrationWriter.Settings(
                project,
                Path.of(Customer.class
                        .getProtectionDomain()
                        .getCodeSource()
                        .getLocation()
                        .getPath()),
                project.resolve("src/main/resources"),
                project.resolve("src/main/resources/db/migration"),
                message,
                url,
                null,
                null,
                packages);
    }

    @Test
    void writesTheNextVersionFromTheApplicationsDatabase() throws Exception {
        MigrationWriter.Result result = MigrationWriter.write(
                settings("Add phone!", null, List.of()), getClass().getClassLoader(), log::add);
        assertThat(result.file()).isEqualTo(project.resolve("src/main/resources/db/migration/V2__add_phone.sql"));
        assertThat(result.diff().summary()).containsExactly("add column customers.phone VARCHAR(20)");
        assertThat(Files.readString(result.file())).contains("ALTER TABLE customers ADD COLUMN phone VARCHAR(20);");
        assertThat(log).anyMatch(l -> l.startsWith("Models (") && l.contains("Customer"));
        assertThat(log)
                .anyMatch(l ->
                        l.startsWith("Database: ") && l.endsWith(" in src/main/resources/application.properties)"));

        engine.useTransaction(c -> c.execute(text("ALTER TABLE customers ADD COLUMN phone VARCHAR(20)")));
        MigrationWriter.Result again = MigrationWriter.write(
                settings("again", null, List.of()), getClass().getClassLoader(), log::add);
        assertThat(again.file()).isNull();
        assertThat(MigrationWriter.nextVersion(project.resolve("src/main/resources/db/migration")))
                .isEqualTo(3);
    }

    @Test
    void theCommandLinesUrlWinsAndPackagesChooseTheModels() throws Exception {
        MigrationWriter.Result result = MigrationWriter.write(
                settings("add phone", db.url(), List.of(Customer.class.getPackageName())),
                getClass().getClassLoader(),
                log::add);
        assertThat(result.database()).contains("-Dalchemy.url");
        assertThat(result.file()).isNotNull();

        assertThatThrownBy(() -> MigrationWriter.write(
                        settings("add phone", db.url(), List.of("com.example.nothing")),
                        getClass().getClassLoader(),
                        log::add))
                .isInstanceOf(MigrationWriter.Failure.class)
                .hasMessageContaining("found no model classes")
                .hasMessageContaining("com.example.nothing");
    }

    @Test
    void aMessageWithoutLettersIsRefused() {
        assertThatThrownBy(() -> MigrationWriter.slug(" !! ")).hasMessageContaining("-Dmessage=");
    }

    @Test
    void readsYamlAndRelativeSqlitePaths() {
        assertThat(ApplicationProperties.yaml(List.of(
                        "spring:",
                        "  datasource:",
                        "    url: \"jdbc:postgresql://db/app\" # dev",
                        "    username: app",
                        "alchemy:",
                        "  models:",
                        "    packages: com.example")))
                .containsEntry("spring.datasource.url", "jdbc:postgresql://db/app")
                .containsEntry("spring.datasource.username", "app")
                .containsEntry("alchemy.models.packages", "com.example");
        assertThat(MigrationWriter.resolveSqlitePath("sqlite:///data/app.db", Path.of("/p")))
                .isEqualTo("sqlite:////p/data/app.db");
        assertThat(MigrationWriter.resolveSqlitePath("sqlite:////abs/app.db", Path.of("/p")))
                .isEqualTo("sqlite:////abs/app.db");
    }
}
