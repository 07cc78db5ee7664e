package dev.alchemy.migration;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A column as a migration sees it: its name and its type as the database's DDL writes it.
 *
 * @param name the column's name
 * @param type the DDL type as the database keeps it ({@code VARCHAR(50)}, {@code INTEGER}); for a key the database
 *     generates this is the stored type ({@code INTEGER}), not PostgreSQL's {@code SERIAL}
 * @param nullable whether NULL is allowed
 * @param serverDefault the DEFAULT as SQL text, or null
 * @param autoincrement whether the database generates its values (PostgreSQL's serial, SQLite's rowid alias)
 */
public record ColumnDef(
        String name,
        String type,
        boolean nullable,
        @Nullable String serverDefault,
        boolean autoincrement) {

    /** Checks the arguments. */
    public ColumnDef {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
    }

    /** @return {@code name TYPE[ DEFAULT x][ NOT NULL]}, as the summary of a change shows it */
    @Override
    public String toString() {
        return name + " " + type + (serverDefault == null ? "" : " DEFAULT " + serverDefault)
                + (nullable ? "" : " NOT NULL");
    }
}
