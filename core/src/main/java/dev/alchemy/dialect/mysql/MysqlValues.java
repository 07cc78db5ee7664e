package dev.alchemy.dialect.mysql;

import dev.alchemy.engine.ValueReader;
import java.sql.PreparedStatement;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Values of text SQL (no declared type) on MySQL and MariaDB: a time-zone-aware value is bound as its UTC wall time
 * (as a {@code DATETIME} column of a time-zone-aware type stores it), an enum by its name, a UUID as text, NaN and the
 * infinities refused (MySQL has none); date and
 * time columns come back as {@code java.time} values, JSON as its text.
 */
final class MysqlValues {

    private static final ValueReader OBJECT = (rs, i) -> rs.getObject(i);
    private static final ValueReader DATETIME = (rs, i) -> rs.getObject(i, LocalDateTime.class);
    private static final ValueReader DATE = (rs, i) -> rs.getObject(i, LocalDate.class);
    private static final ValueReader TIME = (rs, i) -> rs.getObject(i, LocalTime.class);
    private static final ValueReader TEXT = (rs, i) -> rs.getString(i);

    private MysqlValues() {}

    static void bind(PreparedStatement statement, int index, @Nullable Object value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.NULL);
        } else if (value instanceof Double d) {
            statement.setDouble(index, MysqlTypes.finite(d, d, "a double"));
        } else if (value instanceof Float f) {
            statement.setDouble(index, MysqlTypes.finite(f, f, "a float"));
        } else if (value instanceof Enum<?> e) {
            statement.setString(index, e.name());
        } else if (value instanceof Instant || value instanceof OffsetDateTime || value instanceof ZonedDateTime) {
            statement.setObject(index, MysqlTypes.utc(value));
        } else if (value instanceof UUID u) {
            statement.setString(index, u.toString());
        } else if (value.getClass() == java.util.Date.class) {
            statement.setObject(index, MysqlTypes.utc(((java.util.Date) value).toInstant()));
        } else {
            statement.setObject(index, value);
        }
    }

    static ValueReader reader(ResultSetMetaData metaData, int column) throws SQLException {
        String type = metaData.getColumnTypeName(column).toUpperCase(Locale.ROOT);
        return switch (type) {
            case "DATETIME", "TIMESTAMP" -> DATETIME;
            case "DATE" -> DATE;
            case "TIME" -> TIME;
            case "JSON" -> TEXT;
            default -> OBJECT;
        };
    }
}
