package dev.alchemy.dialect.postgresql;

import dev.alchemy.dialect.Dialect;
import dev.alchemy.dialect.SqlWriter;
import dev.alchemy.dialect.internal.StandardSql;
import dev.alchemy.engine.EngineOptions;
import dev.alchemy.engine.URL;
import dev.alchemy.engine.ValueBinder;
import dev.alchemy.engine.ValueReader;
import dev.alchemy.exc.ArgumentError;
import dev.alchemy.exc.DBAPIError;
import dev.alchemy.types.SqlType;
import java.sql.PreparedStatement;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import org.jspecify.annotations.Nullable;

/** PostgreSQL, through the pgJDBC driver ({@code org.postgresql:postgresql}). */
public class PostgresqlDialect implements Dialect {

    private static final PostgresqlReflector REFLECTOR = new PostgresqlReflector();

    private final PostgresqlTypes types = new PostgresqlTypes(this::bind);

    /** Creates the dialect; found through {@link java.util.ServiceLoader}. */
    public PostgresqlDialect() {}

    @Override
    public String name() {
        return "postgresql";
    }

    /** PostgreSQL has all four lock strengths: {@code FOR [NO KEY] UPDATE}, {@code FOR [KEY] SHARE}. */
    @Override
    public void renderForUpdate(SqlWriter writer, boolean nowait, boolean skipLocked, boolean read, boolean keyShare) {
        writer.append(
                read
                        ? (keyShare ? " FOR KEY SHARE" : " FOR SHARE")
                        : (keyShare ? " FOR NO KEY UPDATE" : " FOR UPDATE"));
        if (nowait) {
            writer.append(" NOWAIT");
        }
        if (skipLocked) {
            writer.append(" SKIP LOCKED");
        }
    }

    @Override
    public boolean handlesProduct(String productName) {
        return productName.toLowerCase(Locale.ROOT).contains("postgres");
    }

    @Override
    public ConnectionSpec connectionSpec(URL url, EngineOptions options) {
        Properties properties = new Properties();
        if (options.hideParameters()) {
            // the server's DETAIL line repeats values ("Key (name)=(secret) already exists"), and a failed batch
            // names its statement with the values inlined; without it, messages keep only the error itself
            properties.setProperty("logServerErrorDetail", "false");
        }
        if (url.isJdbc()) {
            return new ConnectionSpec(
                    url.rawText(), "org.postgresql.Driver", "org.postgresql:postgresql", properties, false);
        }
        if (url.database() == null) {
            throw new ArgumentError(
                    "a postgresql URL needs a database name: 'postgresql://user:password@host:5432/database', got '"
                            + url + "'");
        }
        if (url.username() != null) {
            properties.setProperty("user", url.username());
        }
        if (url.password() != null) {
            properties.setProperty("password", url.password());
        }
        url.query().forEach(properties::setProperty);
        String host = url.host() == null ? "localhost" : url.host();
        String port = url.port() == null ? "" : ":" + url.port();
        return new ConnectionSpec(
                "jdbc:postgresql://" + host + port + "/" + url.database(),
                "org.postgresql.Driver",
                "org.postgresql:postgresql",
                properties,
                false);
    }

    @Override
    public DBAPIError translate(SQLException error, @Nullable String sql, @Nullable List<?> parameters) {
        return PostgresqlErrors.translate(error, sql, parameters);
    }

    @Override
    public boolean failedStatementAbortsTransaction() {
        return true;
    }

    @Override
    public void bind(PreparedStatement statement, int index, @Nullable Object value) throws SQLException {
        PostgresqlValues.bind(statement, index, value);
    }

    @Override
    public ValueReader untypedReader(ResultSetMetaData metaData, int column) throws SQLException {
        return PostgresqlValues.reader(metaData, column);
    }

    @Override
    public String quoteIdentifier(String identifier) {
        boolean plain = StandardSql.isLegalLowerCase(identifier) && !PostgresqlReserved.WORDS.contains(identifier);
        return plain ? identifier : StandardSql.doubleQuoted(identifier);
    }

    @Override
    public String ddlType(SqlType<?> type) {
        return PostgresqlTypes.ddlType(type);
    }

    /** Native JDBC types; resolved once per type. */
    @Override
    public ValueBinder binder(SqlType<?> type) {
        return types.binder(type);
    }

    /** Into the type's Java class; resolved once per type. */
    @Override
    public ValueReader reader(SqlType<?> type) {
        return types.reader(type);
    }

    /** As SQLAlchemy's PostgreSQL compiler: {@code  \n LIMIT ?}, and {@code \n LIMIT ALL OFFSET ?} for an offset alone. */
    @Override
    public void renderLimitOffset(SqlWriter writer, @Nullable Integer limit, @Nullable Integer offset) {
        if (limit != null) {
            writer.append(" \n LIMIT ").bindAnonymous("param", limit, null);
        } else {
            writer.append("\n LIMIT ALL");
        }
        if (offset != null) {
            writer.append(" OFFSET ").bindAnonymous("param", offset, null);
        }
    }

    @Override
    public String ddlAutoincrementType(SqlType<?> type) {
        // SQLAlchemy's PGDDLCompiler: BIGSERIAL for BigInteger, SMALLSERIAL for SmallInteger, SERIAL otherwise
        SqlType<?> stored = type;
        while (stored instanceof dev.alchemy.types.ConvertedType<?, ?> c) {
            stored = c.storedType();
        }
        Class<?> java = stored.javaType();
        return java == Long.class ? "BIGSERIAL" : java == Short.class ? "SMALLSERIAL" : "SERIAL";
    }

    @Override
    public boolean hasTable(dev.alchemy.engine.Connection connection, @Nullable String schema, String table) {
        String sql =
                "SELECT 1 FROM information_schema.tables WHERE table_schema = coalesce(CAST(? AS TEXT), current_schema())"
                        + " AND table_name = ?";
        return connection
                        .execute(d -> new dev.alchemy.engine.CompiledStatement(
                                sql,
                                List.of(
                                        dev.alchemy.engine.BoundParameter.of("schema", schema, null),
                                        dev.alchemy.engine.BoundParameter.of("table", table, null)),
                                null))
                        .first()
                != null;
    }

    @Override
    public dev.alchemy.dialect.SchemaReflector reflector() {
        return REFLECTOR;
    }

    @Override
    public boolean supportsReturning() {
        return true;
    }

    @Override
    public boolean supportsIlike() {
        return true;
    }

    @Override
    public boolean supportsUpdateFrom() {
        return true;
    }

    @Override
    public boolean supportsDeleteUsing() {
        return true;
    }

    /** ON CONFLICT exists since PostgreSQL 9.5. */
    @Override
    public boolean supportsOnConflict() {
        return true;
    }

    @Override
    public void renderOnConflict(
            SqlWriter writer, List<String> quotedTargets, @Nullable String quotedConstraint, boolean doNothing) {
        StandardSql.renderOnConflict(writer, quotedTargets, quotedConstraint, doNothing);
    }

    /**
     * A sequence hands out ascending values, and PostgreSQL computes the rows of {@code INSERT ... SELECT ... ORDER
     * BY} in that order, calling {@code nextval()} for each in turn: SQLAlchemy 2.0 relies on the same for its
     * batched INSERT with RETURNING on PostgreSQL. Other sessions' inserts may take values in between, so the keys
     * ascend but need not be consecutive.
     */
    @Override
    public boolean insertFromSelectAssignsKeysInOrder() {
        return true;
    }

    @Override
    public boolean supportsSequences() {
        return true;
    }

    @Override
    public boolean hasSequence(dev.alchemy.engine.Connection connection, @Nullable String schema, String sequence) {
        String sql = "SELECT 1 FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
                + " WHERE c.relkind = 'S' AND n.nspname = coalesce(CAST(? AS TEXT), current_schema())"
                + " AND c.relname = ?";
        return connection
                        .execute(d -> new dev.alchemy.engine.CompiledStatement(
                                sql,
                                List.of(
                                        dev.alchemy.engine.BoundParameter.of("schema", schema, null),
                                        dev.alchemy.engine.BoundParameter.of("sequence", sequence, null)),
                                null))
                        .first()
                != null;
    }

    /** {@code nextval('name')}: the name is SQL text (a regclass literal), not a value, so it is written, not bound. */
    @Override
    public void renderNextValue(SqlWriter writer, String quotedSequence) {
        writer.append("nextval('").append(quotedSequence.replace("'", "''")).append("')");
    }

    @Override
    public String toString() {
        return "PostgresqlDialect";
    }
}
