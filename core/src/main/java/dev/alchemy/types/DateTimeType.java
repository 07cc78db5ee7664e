package dev.alchemy.types;

import dev.alchemy.exc.ArgumentError;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;

/**
 * DATETIME, like SQLAlchemy's {@code DateTime(timezone=...)}, to the microsecond (finer digits are truncated):
 * without a time zone ↔ {@link LocalDateTime} ({@link SqlTypes#DATETIME}); with one ↔ {@link OffsetDateTime}
 * ({@link SqlTypes#DATETIME_TZ}) or {@link Instant} ({@link SqlTypes#DATETIME_TZ_INSTANT}).
 *
 * <p>SQLite stores {@code 'YYYY-MM-DD HH:MM:SS.ffffff'} text, as SQLAlchemy does; a time-zone-aware value is
 * stored as its UTC wall time and read back with offset UTC. PostgreSQL uses {@code TIMESTAMP WITHOUT TIME ZONE} /
 * {@code TIMESTAMP WITH TIME ZONE}.
 *
 * @param javaType {@code LocalDateTime.class} without a time zone; {@code OffsetDateTime.class} or
 *     {@code Instant.class} with one
 * @param timezone whether the type is time-zone-aware
 * @param <T> the Java type of values
 */
public record DateTimeType<T>(Class<T> javaType, boolean timezone) implements SqlType<T> {

    /** Checks that the Java type fits the time-zone flag. */
    public DateTimeType {
        boolean fits = timezone
                ? javaType == OffsetDateTime.class || javaType == Instant.class
                : javaType == LocalDateTime.class;
        if (!fits) {
            throw new ArgumentError(
                    timezone
                            ? "a DATETIME with time zone holds OffsetDateTime or Instant values, not "
                                    + javaType.getName()
                            : "a DATETIME without time zone holds LocalDateTime values, not " + javaType.getName());
        }
    }

    /** {@code DATETIME} with or without a time zone, as SQLAlchemy's {@code str(DateTime(timezone=True))} shows. */
    @Override
    public String sqlName() {
        return "DATETIME";
    }

    @Override
    public String toString() {
        return timezone ? "DATETIME(timezone=true, " + javaType.getSimpleName() + ")" : sqlName();
    }
}
