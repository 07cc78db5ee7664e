package dev.alchemy.dialect;

import dev.alchemy.engine.Connection;
import dev.alchemy.engine.Engine;
import dev.alchemy.engine.EngineDialect;
import dev.alchemy.engine.ValueBinder;
import dev.alchemy.engine.ValueReader;
import dev.alchemy.exc.ArgumentError;
import dev.alchemy.types.SqlType;
import org.jspecify.annotations.Nullable;

/**
 * A database dialect: the engine-level behaviour of {@link EngineDialect} plus what the SQL compiler and DDL need
 * to know about one database. Everything that differs between databases lives behind this interface, in
 * {@code dev.alchemy.dialect.<name>}.
 */
public interface Dialect extends EngineDialect {

    /**
     * The SQL dialect of an engine.
     *
     * @param engine the engine
     * @return its dialect
     * @throws ArgumentError when the engine's dialect has no SQL support
     */
    static Dialect of(Engine engine) {
        return of(engine.dialect());
    }

    /**
     * The SQL dialect behind an engine dialect.
     *
     * @param dialect the engine dialect
     * @return it, as a SQL dialect
     * @throws ArgumentError when it has no SQL support
     */
    static Dialect of(EngineDialect dialect) {
        if (dialect instanceof Dialect d) {
            return d;
        }
        throw new ArgumentError("dialect '" + dialect.name() + "' has no SQL compiler");
    }

    /**
     * Quotes an identifier when it needs quoting (a reserved word, upper case, spaces), as SQLAlchemy does.
     *
     * @param identifier a table, column or constraint name
     * @return the identifier, quoted when needed
     */
    String quoteIdentifier(String identifier);

    /**
     * The type's name in this database's DDL: {@code VARCHAR(50)}, {@code TIMESTAMP WITHOUT TIME ZONE}.
     *
     * @param type the type
     * @return its DDL name
     */
    String ddlType(SqlType<?> type);

    /**
     * How values of a type are bound, in the form this database stores them.
     *
     * @param type the type
     * @return the binder
     */
    ValueBinder binder(SqlType<?> type);

    /**
     * How values of a type are read back into the type's Java class.
     *
     * @param type the type
     * @return the reader
     */
    ValueReader reader(SqlType<?> type);

    /**
     * Renders LIMIT and OFFSET (called only when at least one is given).
     *
     * @param writer where to write, the text so far ending with the ORDER BY or WHERE clause
     * @param limit the limit, or null
     * @param offset the offset, or null
     */
    void renderLimitOffset(SqlWriter writer, @Nullable Integer limit, @Nullable Integer offset);

    /** @return whether {@code INSERT/UPDATE/DELETE ... RETURNING} is supported */
    boolean supportsReturning();

    /**
     * The DDL type of a single-column primary key the database generates values for: SQLite's {@code INTEGER} (the
     * rowid alias, whatever the Java width), PostgreSQL's {@code SERIAL}/{@code BIGSERIAL}.
     *
     * @param type the column's type
     * @return its DDL name
     */
    default String ddlAutoincrementType(SqlType<?> type) {
        return ddlType(type);
    }

    /**
     * The DDL type of a primary key column the database generates values for. SQLite makes only the sole column of
     * a key the rowid alias ({@code INTEGER}); a column of a composite key keeps its own type there.
     *
     * @param type the column's type
     * @param onlyKeyColumn whether the column is its table's whole primary key
     * @return its DDL name
     */
    default String ddlAutoincrementType(SqlType<?> type, boolean onlyKeyColumn) {
        return ddlAutoincrementType(type);
    }

    /**
     * Whether the database can add and drop constraints of an existing table ({@code ALTER TABLE ... ADD
     * CONSTRAINT}), SQLAlchemy's {@code supports_alter}. Without it, foreign keys that form a cycle stay in their
     * CREATE TABLE, which the database must then accept before the referred table exists (SQLite does).
     *
     * @return true when constraints can be altered
     */
    default boolean supportsAlter() {
        return true;
    }

    /**
     * Makes the foreign key checks of the current transaction wait until its commit, so that tables referring to
     * each other can be dropped in one transaction (SQLite's {@code PRAGMA defer_foreign_keys}). Called only by
     * {@code dropAll} for a cycle of tables on a dialect without {@link #supportsAlter()}.
     *
     * @param connection a connection in a transaction
     */
    default void deferForeignKeyChecks(Connection connection) {}

    /**
     * Whether a table exists (for {@code createAll}'s check-first).
     *
     * @param connection an open connection
     * @param schema the schema, or null for the default
     * @param table the table's name
     * @return true when it exists
     */
    boolean hasTable(Connection connection, @Nullable String schema, String table);

    /**
     * How this database's schema is read, for {@code Alchemy.inspect(engine)}.
     *
     * @return the reflector
     * @throws dev.alchemy.exc.InvalidRequestError when the dialect cannot read schemas
     */
    default SchemaReflector reflector() {
        throw new dev.alchemy.exc.InvalidRequestError("dialect '" + name() + "' cannot inspect a database's schema");
    }
}
