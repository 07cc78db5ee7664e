package dev.alchemy.dialect;

import dev.alchemy.engine.Connection;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * How a dialect reads the schema of a database, SQLAlchemy's {@code Dialect.get_columns()} and friends. The public
 * face is {@code dev.alchemy.schema.Inspector}. Each method takes the schema ({@code null} for the default one:
 * SQLite's {@code main}, PostgreSQL's {@code current_schema()}) and is called only for a table that exists.
 */
public interface SchemaReflector {

    /**
     * @param connection an open connection
     * @param schema the schema, or null
     * @return the names of the tables (not views), sorted by name, without the database's own tables
     */
    List<String> tableNames(Connection connection, @Nullable String schema);

    /**
     * @param connection an open connection
     * @param schema the schema, or null
     * @param table the table
     * @return its columns, in table order
     */
    List<ReflectedColumn> columns(Connection connection, @Nullable String schema, String table);

    /**
     * @param connection an open connection
     * @param schema the schema, or null
     * @param table the table
     * @return its primary key (empty columns when it has none)
     */
    ReflectedPrimaryKey primaryKey(Connection connection, @Nullable String schema, String table);

    /**
     * @param connection an open connection
     * @param schema the schema, or null
     * @param table the table
     * @return its foreign keys, in definition order where the database keeps it
     */
    List<ReflectedForeignKey> foreignKeys(Connection connection, @Nullable String schema, String table);

    /**
     * @param connection an open connection
     * @param schema the schema, or null
     * @param table the table
     * @return its indexes, sorted by name, without those backing a primary key or UNIQUE constraint
     */
    List<ReflectedIndex> indexes(Connection connection, @Nullable String schema, String table);

    /**
     * @param connection an open connection
     * @param schema the schema, or null
     * @param table the table
     * @return its UNIQUE constraints, in definition order
     */
    List<ReflectedUniqueConstraint> uniqueConstraints(Connection connection, @Nullable String schema, String table);

    /**
     * @param connection an open connection
     * @param schema the schema, or null
     * @param table the table
     * @return its CHECK constraints, in definition order
     */
    List<ReflectedCheckConstraint> checkConstraints(Connection connection, @Nullable String schema, String table);
}
