package dev.alchemy.dialect.postgresql;

import dev.alchemy.engine.ValueReader;
import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneOffset;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Values of text SQL (no declared type) on PostgreSQL, bound and read as psycopg does for SQLAlchemy: a string goes
 * to the server untyped, so it can fill a {@code uuid}, {@code date}, {@code jsonb} or enum column as a literal would;
 * date and time columns come back as {@code java.time} values, not the {@code java.sql} ones.
 */
final class PostgresqlValues {

    private static final ValueReader OBJECT = (rs, i) -> rs.getObject(i);
    private static final ValueReader TIMESTAMP = (rs, i) -> rs.getObject(i, LocalDateTime.class);
    private static final ValueReader TIMESTAMPTZ = (rs, i) -> rs.getObject(i, OffsetDateTime.class);
    private static final ValueReader DATE = (rs, i) -> rs.getObject(i, LocalDate.class);
    private static final ValueReader TIME = (rs, i) -> rs.getObject(i, LocalTime.class);
    private static final ValueReader TIMETZ = (rs, i) -> rs.getObject(i, OffsetTime.class);
    private static final ValueReader TEXT = (rs, i) -> rs.getString(i);
    private static final ValueReader ARRAY = (rs, i) -> {
        Array array = rs.getArray(i);
        return array == null ? null : array.getArray();
    };

    private PostgresqlValues() {}

    static void bind(PreparedStatement statement, int index, @Nullable Object value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.NULL);
        } else if (value instanceof String || value instanceof Enum<?>) {
            // untyped, like a quoted literal: the server infers the type from where the value goes
            statement.setObject(index, value instanceof Enum<?> e ? e.name() : value, Types.OTHER);
        } else if (value instanceof Instant t) {
            statement.setObject(index, t.atOffset(ZoneOffset.UTC));
        } else if (value.getClass() == java.util.Date.class) {
            // an instant; java.sql.Date, Time and Timestamp are the driver's own and go as they are
            statement.setObject(index, ((java.util.Date) value).toInstant().atOffset(ZoneOffset.UTC));
        } else {
            statement.setObject(index, value);
        }
    }

    static ValueReader reader(ResultSetMetaData metaData, int column) throws SQLException {
        String type = metaData.getColumnTypeName(column).toLowerCase(Locale.ROOT);
        return switch (type) {
            case "timestamp" -> TIMESTAMP;
            case "timestamptz" -> TIMESTAMPTZ;
            case "date" -> DATE;
            case "time" -> TIME;
            case "timetz" -> TIMETZ;
            case "json", "jsonb", "xml" -> TEXT;
            default -> metaData.getColumnType(column) == Types.ARRAY ? ARRAY : OBJECT;
        };
    }
}
