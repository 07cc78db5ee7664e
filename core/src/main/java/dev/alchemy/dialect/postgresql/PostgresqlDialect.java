package dev.alchemy.dialect.postgresql;

import dev.alchemy.dialect.Dialect;
import dev.alchemy.dialect.SqlWriter;
import dev.alchemy.dialect.internal.StandardBinding;
import dev.alchemy.engine.EngineOptions;
import dev.alchemy.engine.URL;
import dev.alchemy.engine.ValueBinder;
import dev.alchemy.engine.ValueReader;
import dev.alchemy.exc.ArgumentError;
import dev.alchemy.exc.DBAPIError;
import dev.alchemy.exc.DataError;
import dev.alchemy.exc.IntegrityError;
import dev.alchemy.exc.OperationalError;
import dev.alchemy.exc.ProgrammingError;
import dev.alchemy.types.SqlType;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import org.jspecify.annotations.Nullable;

/** PostgreSQL, through the pgJDBC driver ({@code org.postgresql:postgresql}). */
public class PostgresqlDialect implements Dialect {

    /** Creates the dialect; found through {@link java.util.ServiceLoader}. */
    public PostgresqlDialect() {}

    @Override
    public String name() {
        return "postgresql";
    }

    @Override
    public boolean handlesProduct(String productName) {
        return productName.toLowerCase(Locale.ROOT).contains("postgres");
    }

    @Override
    public ConnectionSpec connectionSpec(URL url, EngineOptions options) {
        Properties properties = new Properties();
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
        String state = error.getSQLState() == null ? "" : error.getSQLState();
        String reason = String.valueOf(error.getMessage());
        String kind = state.length() >= 2 ? state.substring(0, 2) : "";
        return switch (kind) {
            case "23" -> new IntegrityError(reason, sql, parameters, error);
            case "22" -> new DataError(reason, sql, parameters, error);
            case "42", "0A", "26", "34" -> new ProgrammingError(reason, sql, parameters, error);
            default -> new OperationalError(reason, sql, parameters, error);
        };
    }

    @Override
    public void bind(PreparedStatement statement, int index, @Nullable Object value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.NULL);
        } else if (value instanceof Enum<?> e) {
            statement.setString(index, e.name());
        } else if (value instanceof Instant t) {
            statement.setObject(index, t.atOffset(ZoneOffset.UTC));
        } else {
            statement.setObject(index, value);
        }
    }

    @Override
    public String quoteIdentifier(String identifier) {
        boolean legal = identifier.matches("[a-z_][a-z0-9_$]*");
        return legal && !PostgresqlReserved.WORDS.contains(identifier)
                ? identifier
                : '"' + identifier.replace("\"", "\"\"") + '"';
    }

    @Override
    public String ddlType(SqlType<?> type) {
        return type.sqlName();
    }

    @Override
    public ValueBinder binder(SqlType<?> type) {
        ValueBinder binder = StandardBinding.binder(type);
        return binder != null ? binder : this::bind;
    }

    @Override
    public ValueReader reader(SqlType<?> type) {
        ValueReader reader = StandardBinding.reader(type);
        if (reader != null) {
            return reader;
        }
        Class<?> javaType = type.javaType();
        return (rs, i) -> convert(rs.getObject(i), javaType);
    }

    @Override
    public void renderLimitOffset(SqlWriter writer, @Nullable Integer limit, @Nullable Integer offset) {
        if (limit != null) {
            writer.append("\n LIMIT ").bind("param_limit", limit, null);
        }
        if (offset != null) {
            writer.append(limit == null ? "\n OFFSET " : " OFFSET ").bind("param_offset", offset, null);
        }
    }

    @Override
    public String ddlAutoincrementType(SqlType<?> type) {
        return type instanceof dev.alchemy.types.BigIntegerType ? "BIGSERIAL" : "SERIAL";
    }

    @Override
    public boolean hasTable(dev.alchemy.engine.Connection connection, @Nullable String schema, String table) {
        String sql =
                "SELECT 1 FROM information_schema.tables WHERE table_schema = coalesce(?, current_schema()) AND table_name = ?";
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
    public boolean supportsReturning() {
        return true;
    }

    @Override
    public String toString() {
        return "PostgresqlDialect";
    }
}
