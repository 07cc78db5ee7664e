package dev.alchemy.migration;

import static dev.alchemy.Alchemy.text;
import static org.assertj.core.api.Assertions.assertThat;

import dev.alchemy.engine.Engine;
import dev.alchemy.engine.Row;
import dev.alchemy.schema.MetaData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;

/**
 * The developer's loop, as the tests run it: diff the models against the database, write the script as the next
 * Flyway migration, let Flyway apply it (in its transaction, on the engine's pool, foreign keys on), diff again.
 */
final class MigrationHarness {

    private final Engine engine;
    private final Path directory;
    private int version;

    MigrationHarness(Engine engine, Path directory) {
        this.engine = engine;
        this.directory = directory;
    }

    /** Diffs, writes the next V<n> script, runs Flyway, and returns the diff that was applied. */
    SchemaDiff migrateTo(MetaData models) {
        SchemaDiff diff = SchemaDiff.compare(models, engine);
        apply(MigrationScript.render(diff), "migration");
        return diff;
    }

    /** Writes a script as the next migration and runs Flyway. */
    void apply(MigrationScript script, String description) {
        version++;
        try {
            Files.writeString(directory.resolve("V" + version + "__" + description + ".sql"), script.sql());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        migrate();
    }

    /** Runs Flyway on the scripts written so far. */
    void migrate() {
        flyway().migrate();
    }

    /** Flyway's {@code repair}: forgets a failed migration, so that it runs again at the next {@link #migrate()}. */
    void repair() {
        flyway().repair();
    }

    /** @return the versions in Flyway's history that failed */
    List<String> failedVersions() {
        List<String> failed = new ArrayList<>();
        for (MigrationInfo info : flyway().info().all()) {
            if (info.getState().isFailed()) {
                failed.add(info.getVersion().getVersion());
            }
        }
        return failed;
    }

    private Flyway flyway() {
        return Flyway.configure()
                .dataSource(engine.dataSource())
                .locations("filesystem:" + directory)
                .load();
    }

    /** Asserts the models and the database agree. */
    void assertNoDifferences(MetaData models) {
        SchemaDiff diff = SchemaDiff.compare(models, engine);
        assertThat(diff.summary()).as("differences left after the migration").isEmpty();
    }

    void execute(String sql) {
        engine.useTransaction(c -> c.execute(text(sql)));
    }

    List<List<Object>> rows(String sql) {
        try (var c = engine.connect()) {
            List<List<Object>> rows = new ArrayList<>();
            for (Row row : c.execute(text(sql)).all()) {
                List<Object> values = new ArrayList<>();
                for (int i = 0; i < row.size(); i++) {
                    Object v = row.get(i);
                    values.add(v instanceof Number n ? (Object) n.longValue() : v == null ? "NULL" : v);
                }
                rows.add(values);
            }
            return rows;
        }
    }
}
