package dev.alchemy.schema.internal;

import dev.alchemy.dialect.Dialect;
import dev.alchemy.dialect.ReflectedCheckConstraint;
import dev.alchemy.dialect.ReflectedColumn;
import dev.alchemy.dialect.ReflectedForeignKey;
import dev.alchemy.dialect.ReflectedIndex;
import dev.alchemy.dialect.ReflectedPrimaryKey;
import dev.alchemy.dialect.ReflectedUniqueConstraint;
import dev.alchemy.dialect.SchemaReflector;
import dev.alchemy.engine.Connection;
import dev.alchemy.engine.Engine;
import dev.alchemy.exc.NoSuchTableError;
import dev.alchemy.schema.Inspector;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/** The inspector: the dialect's {@link SchemaReflector}, on a connection of its own per call or on the caller's. */
public final class DefaultInspector implements Inspector {

    private final @Nullable Engine engine;
    private final @Nullable Connection connection;
    private final Dialect dialect;
    private final SchemaReflector reflector;

    private DefaultInspector(@Nullable Engine engine, @Nullable Connection connection, Dialect dialect) {
        this.engine = engine;
        this.connection = connection;
        this.dialect = dialect;
        this.reflector = dialect.reflector();
    }

    /**
     * @param engine the engine
     * @return an inspector taking a connection per call
     */
    public static Inspector of(Engine engine) {
        return new DefaultInspector(engine, null, Dialect.of(engine));
    }

    /**
     * @param connection the connection
     * @return an inspector on that connection
     */
    public static Inspector of(Connection connection) {
        return new DefaultInspector(null, connection, Dialect.of(connection.engine()));
    }

    private <T> T run(Function<Connection, T> work) {
        if (connection != null) {
            return work.apply(connection);
        }
        try (Connection conn = Objects.requireNonNull(engine).connect()) {
            T result = work.apply(conn);
            if (conn.inTransaction()) {
                conn.rollback(); // reading the catalog changes nothing: SQLAlchemy ends with ROLLBACK too
            }
            return result;
        }
    }

    /** Runs a per-table read after checking that the table exists, so a wrong name is an error, not empty lists. */
    private <T> T onTable(@Nullable String schema, String table, Function<Connection, T> work) {
        Objects.requireNonNull(table, "table");
        return run(conn -> {
            if (!dialect.hasTable(conn, schema, table)) {
                throw new NoSuchTableError("no table '" + (schema == null ? "" : schema + ".") + table
                        + "' in the database; its tables: " + reflector.tableNames(conn, schema));
            }
            return work.apply(conn);
        });
    }

    @Override
    public List<String> tableNames(@Nullable String schema) {
        return run(conn -> reflector.tableNames(conn, schema));
    }

    @Override
    public boolean hasTable(@Nullable String schema, String table) {
        Objects.requireNonNull(table, "table");
        return run(conn -> dialect.hasTable(conn, schema, table));
    }

    @Override
    public List<ReflectedColumn> columns(@Nullable String schema, String table) {
        return onTable(schema, table, conn -> reflector.columns(conn, schema, table));
    }

    @Override
    public ReflectedPrimaryKey primaryKey(@Nullable String schema, String table) {
        return onTable(schema, table, conn -> reflector.primaryKey(conn, schema, table));
    }

    @Override
    public List<ReflectedForeignKey> foreignKeys(@Nullable String schema, String table) {
        return onTable(schema, table, conn -> reflector.foreignKeys(conn, schema, table));
    }

    @Override
    public List<ReflectedIndex> indexes(@Nullable String schema, String table) {
        return onTable(schema, table, conn -> reflector.indexes(conn, schema, table));
    }

    @Override
    public List<ReflectedUniqueConstraint> uniqueConstraints(@Nullable String schema, String table) {
        return onTable(schema, table, conn -> reflector.uniqueConstraints(conn, schema, table));
    }

    @Override
    public List<ReflectedCheckConstraint> checkConstraints(@Nullable String schema, String table) {
        return onTable(schema, table, conn -> reflector.checkConstraints(conn, schema, table));
    }

    @Override
    public String toString() {
        return "Inspector[" + dialect.name() + "]";
    }
}
