package dev.alchemy.schema;

import dev.alchemy.dialect.ReflectedCheckConstraint;
import dev.alchemy.dialect.ReflectedColumn;
import dev.alchemy.dialect.ReflectedForeignKey;
import dev.alchemy.dialect.ReflectedIndex;
import dev.alchemy.dialect.ReflectedPrimaryKey;
import dev.alchemy.dialect.ReflectedUniqueConstraint;
import dev.alchemy.engine.Connection;
import dev.alchemy.engine.Engine;
import dev.alchemy.schema.internal.DefaultInspector;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Reads what a database holds: its tables, their columns, keys, indexes and constraints, like SQLAlchemy's
 * {@code inspect(engine)}. An inspector made from an engine takes a connection for each call and gives it back;
 * one made from a connection uses that connection (and sees its uncommitted DDL).
 *
 * <pre>{@code
 * Inspector inspector = Alchemy.inspect(engine);
 * inspector.tableNames();                  // [posts, users], sorted by name
 * inspector.columns("users");              // [ReflectedColumn[name=id, type=INTEGER, nullable=false, ...], ...]
 * inspector.foreignKeys("posts");          // [ReflectedForeignKey[name=null, columns=[user_id], referredTable=users, ...]]
 * }</pre>
 *
 * <p>Methods taking a table name look in the default schema (SQLite's {@code main}, then {@code temp};
 * PostgreSQL's {@code current_schema()}); the overloads with a schema look there. A table that does not exist is
 * a {@link dev.alchemy.exc.NoSuchTableError}.
 */
public interface Inspector {

    /**
     * An inspector that takes a connection from the engine for each call.
     *
     * @param engine the engine
     * @return the inspector
     */
    static Inspector of(Engine engine) {
        return DefaultInspector.of(Objects.requireNonNull(engine, "engine"));
    }

    /**
     * An inspector that runs on a connection the caller keeps open.
     *
     * @param connection the connection
     * @return the inspector
     */
    static Inspector of(Connection connection) {
        return DefaultInspector.of(Objects.requireNonNull(connection, "connection"));
    }

    /** @return the tables of the default schema, sorted by name (SQLAlchemy's {@code get_table_names()}) */
    default List<String> tableNames() {
        return tableNames(null);
    }

    /**
     * @param schema the schema, or null for the default
     * @return its tables, sorted by name
     */
    List<String> tableNames(@Nullable String schema);

    /**
     * @param table a table's name
     * @return whether it exists (SQLAlchemy's {@code has_table()})
     */
    default boolean hasTable(String table) {
        return hasTable(null, table);
    }

    /**
     * @param schema the schema, or null for the default
     * @param table a table's name
     * @return whether it exists
     */
    boolean hasTable(@Nullable String schema, String table);

    /**
     * The columns, in table order (SQLAlchemy's {@code get_columns()}): name, declared type, nullability, the
     * DEFAULT as SQL text, and the position in the primary key (1-based, 0 when not in it).
     *
     * @param table a table's name
     * @return its columns
     */
    default List<ReflectedColumn> columns(String table) {
        return columns(null, table);
    }

    /**
     * @param schema the schema, or null for the default
     * @param table a table's name
     * @return its columns
     */
    List<ReflectedColumn> columns(@Nullable String schema, String table);

    /**
     * The primary key (SQLAlchemy's {@code get_pk_constraint()}); on SQLite its name is known only when the table's
     * DDL gave one.
     *
     * @param table a table's name
     * @return its primary key, with no columns when it has none
     */
    default ReflectedPrimaryKey primaryKey(String table) {
        return primaryKey(null, table);
    }

    /**
     * @param schema the schema, or null for the default
     * @param table a table's name
     * @return its primary key
     */
    ReflectedPrimaryKey primaryKey(@Nullable String schema, String table);

    /**
     * The foreign keys (SQLAlchemy's {@code get_foreign_keys()}); ON DELETE/ON UPDATE are null for the default NO
     * ACTION.
     *
     * @param table a table's name
     * @return its foreign keys
     */
    default List<ReflectedForeignKey> foreignKeys(String table) {
        return foreignKeys(null, table);
    }

    /**
     * @param schema the schema, or null for the default
     * @param table a table's name
     * @return its foreign keys
     */
    List<ReflectedForeignKey> foreignKeys(@Nullable String schema, String table);

    /**
     * The indexes made with CREATE INDEX, sorted by name (SQLAlchemy's {@code get_indexes()}): not those the
     * database makes for a primary key or UNIQUE constraint (SQLite's {@code sqlite_autoindex_*}).
     *
     * @param table a table's name
     * @return its indexes
     */
    default List<ReflectedIndex> indexes(String table) {
        return indexes(null, table);
    }

    /**
     * @param schema the schema, or null for the default
     * @param table a table's name
     * @return its indexes
     */
    List<ReflectedIndex> indexes(@Nullable String schema, String table);

    /**
     * The UNIQUE constraints (SQLAlchemy's {@code get_unique_constraints()}); on SQLite an unnamed one has a null
     * name.
     *
     * @param table a table's name
     * @return its unique constraints
     */
    default List<ReflectedUniqueConstraint> uniqueConstraints(String table) {
        return uniqueConstraints(null, table);
    }

    /**
     * @param schema the schema, or null for the default
     * @param table a table's name
     * @return its unique constraints
     */
    List<ReflectedUniqueConstraint> uniqueConstraints(@Nullable String schema, String table);

    /**
     * The CHECK constraints with their conditions (SQLAlchemy's {@code get_check_constraints()}).
     *
     * @param table a table's name
     * @return its check constraints
     */
    default List<ReflectedCheckConstraint> checkConstraints(String table) {
        return checkConstraints(null, table);
    }

    /**
     * @param schema the schema, or null for the default
     * @param table a table's name
     * @return its check constraints
     */
    List<ReflectedCheckConstraint> checkConstraints(@Nullable String schema, String table);
}
