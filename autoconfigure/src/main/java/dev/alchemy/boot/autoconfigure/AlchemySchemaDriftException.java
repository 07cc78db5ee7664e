package dev.alchemy.boot.autoconfigure;

import java.util.List;
import org.springframework.boot.diagnostics.FailureAnalyzedException;

/**
 * The database does not match the models and {@code alchemy.schema.mode} is {@code validate}: start-up fails with a
 * report (Spring Boot's failure analysis) that lists the differences and how to write the migration for them.
 */
public final class AlchemySchemaDriftException extends FailureAnalyzedException {

    private static final long serialVersionUID = 1L;

    /** The command the report suggests, in a project that declares Alchemy's Maven plugin. */
    static final String COMMAND = "mvn alchemy:migration -Dmessage=\"describe the change\"";

    private final List<String> differences;

    AlchemySchemaDriftException(String database, List<String> differences) {
        super(description(database, differences), action());
        this.differences = List.copyOf(differences);
    }

    /** @return the differences, one line each, e.g. {@code add column users.phone VARCHAR(20)} */
    public List<String> differences() {
        return differences;
    }

    private static String description(String database, List<String> differences) {
        StringBuilder text = new StringBuilder("The ")
                .append(database)
                .append(" database does not match the models (alchemy.schema.mode=validate). To make it match, a"
                        + " migration would:\n");
        for (String d : differences) {
            text.append("\n    ").append(d);
        }
        return text.toString();
    }

    private static String action() {
        return "Write a migration for these changes, review it, and let Flyway apply it at the next start:\n\n    "
                + COMMAND + "\n\nwrites src/main/resources/db/migration/V<next>__describe_the_change.sql from this"
                + " same comparison (see docs/migrations.md; from Java: MigrationScript.render(SchemaDiff.compare("
                + "metadata, engine))). Or set alchemy.schema.mode=create to create missing tables only (existing"
                + " tables are never altered), or alchemy.schema.mode=none to skip this check.";
    }
}
