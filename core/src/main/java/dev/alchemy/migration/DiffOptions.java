package dev.alchemy.migration;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What {@link SchemaDiff#compare} looks at, like Alembic's {@code include_name}/{@code include_object} hooks.
 * Immutable; each method returns a changed copy.
 *
 * <pre>{@code
 * DiffOptions options = DiffOptions.defaults()
 *         .excludeTables("legacy_import", "audit_log")   // tables no model describes, left alone
 *         .schema("inventory");
 * }</pre>
 *
 * <p>The tables of migration tools are never compared, whatever the options: Flyway's {@code flyway_schema_history}
 * and Liquibase's {@code databasechangelog} and {@code databasechangeloglock} (add others with
 * {@link #excludeTables}).
 */
public final class DiffOptions {

    /** The history tables of Flyway and Liquibase, never reported. */
    public static final List<String> MIGRATION_TOOL_TABLES =
            List.of("flyway_schema_history", "databasechangelog", "databasechangeloglock");

    private static final DiffOptions DEFAULTS = new DiffOptions(null, Set.of(), Set.of());

    private final @Nullable String schema;
    private final Set<String> include;
    private final Set<String> exclude;

    private DiffOptions(@Nullable String schema, Set<String> include, Set<String> exclude) {
        this.schema = schema;
        this.include = Set.copyOf(include);
        this.exclude = Set.copyOf(exclude);
    }

    /** @return every table of the default schema, except the migration tools' */
    public static DiffOptions defaults() {
        return DEFAULTS;
    }

    /**
     * Compares another schema than the default one; only the models' tables of that schema are compared.
     *
     * @param schema the schema, or null for the default
     * @return a copy with this schema
     */
    public DiffOptions schema(@Nullable String schema) {
        return new DiffOptions(schema, include, exclude);
    }

    /**
     * Compares only these tables (of the models and of the database); the default is every table.
     *
     * @param tables table names
     * @return a copy that compares only these (added to earlier ones)
     */
    public DiffOptions includeTables(String... tables) {
        Set<String> names = new LinkedHashSet<>(include);
        for (String t : tables) {
            names.add(Objects.requireNonNull(t, "table"));
        }
        return new DiffOptions(schema, names, exclude);
    }

    /**
     * Leaves these tables out: neither created, dropped nor changed.
     *
     * @param tables table names
     * @return a copy that leaves these out (added to earlier ones)
     */
    public DiffOptions excludeTables(String... tables) {
        Set<String> names = new LinkedHashSet<>(exclude);
        for (String t : tables) {
            names.add(Objects.requireNonNull(t, "table"));
        }
        return new DiffOptions(schema, include, names);
    }

    /** @return the schema compared, null for the default */
    public @Nullable String schema() {
        return schema;
    }

    /**
     * @param table a table's name
     * @return whether the diff compares it
     */
    public boolean includes(String table) {
        if (MIGRATION_TOOL_TABLES.contains(table.toLowerCase(Locale.ROOT)) || exclude.contains(table)) {
            return false;
        }
        return include.isEmpty() || include.contains(table);
    }

    @Override
    public String toString() {
        return "DiffOptions[schema=" + schema + ", include=" + include + ", exclude=" + exclude + "]";
    }
}
