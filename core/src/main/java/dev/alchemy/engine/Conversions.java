package dev.alchemy.engine;

import dev.alchemy.exc.ArgumentError;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Conversions between the values drivers return and the Java types callers ask for. Text forms follow
 * SQLAlchemy's SQLite storage: {@code 2024-01-31 12:30:00.000000}, {@code 2024-01-31}, {@code 12:30:00.000000},
 * UUIDs as 32 hex digits.
 */
public final class Conversions {

    /** SQLAlchemy's DATETIME text on SQLite: {@code YYYY-MM-DD HH:MM:SS.ffffff}. */
    public static final DateTimeFormatter DATETIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS", Locale.ROOT);

    /** SQLAlchemy's TIME text on SQLite: {@code HH:MM:SS.ffffff}. */
    public static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSSSSS", Locale.ROOT);

    private static final DateTimeFormatter LENIENT_DATETIME = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE)
            .optionalStart()
            .appendLiteral(' ')
            .optionalEnd()
            .optionalStart()
            .appendLiteral('T')
            .optionalEnd()
            .optionalStart()
            .appendValue(ChronoField.HOUR_OF_DAY, 2)
            .appendLiteral(':')
            .appendValue(ChronoField.MINUTE_OF_HOUR, 2)
            .optionalStart()
            .appendLiteral(':')
            .appendValue(ChronoField.SECOND_OF_MINUTE, 2)
            .optionalStart()
            .appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true)
            .optionalEnd()
            .optionalEnd()
            .optionalEnd()
            .parseDefaulting(ChronoField.HOUR_OF_DAY, 0)
            .parseDefaulting(ChronoField.MINUTE_OF_HOUR, 0)
            .parseDefaulting(ChronoField.SECOND_OF_MINUTE, 0)
            .toFormatter(Locale.ROOT);

    private Conversions() {}

    /**
     * Converts a driver value to the wanted type.
     *
     * @param value the value as read, possibly null
     * @param type the wanted type
     * @param <T> the wanted type
     * @return the converted value, or null for null
     * @throws ArgumentError when there is no conversion
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static <T> @Nullable T convert(@Nullable Object value, Class<T> type) {
        if (value == null) {
            return null;
        }
        Class<?> wanted = boxed(type);
        if (wanted.isInstance(value)) {
            return (T) value;
        }
        try {
            Object converted = convertNonNull(value, wanted);
            if (converted != null) {
                return (T) converted;
            }
        } catch (RuntimeException e) {
            throw new ArgumentError(
                    "cannot convert " + describe(value) + " to " + type.getSimpleName() + ": " + e.getMessage(), e);
        }
        if (wanted.isEnum() && value instanceof String name) {
            try {
                return (T) Enum.valueOf((Class) wanted, name);
            } catch (IllegalArgumentException e) {
                throw new ArgumentError(
                        "cannot convert " + describe(value) + " to " + type.getSimpleName() + ": no such constant", e);
            }
        }
        throw new ArgumentError("cannot convert " + describe(value) + " to " + type.getSimpleName());
    }

    private static String describe(Object value) {
        String text = value instanceof byte[] b ? b.length + " bytes" : String.valueOf(value);
        if (text.length() > 60) {
            text = text.substring(0, 60) + "...";
        }
        return value.getClass().getSimpleName() + " '" + text + "'";
    }

    private static @Nullable Object convertNonNull(Object value, Class<?> wanted) {
        if (value instanceof Number n) {
            if (wanted == Long.class) return exactLong(n, Long.MIN_VALUE, Long.MAX_VALUE);
            if (wanted == Integer.class) return (int) exactLong(n, Integer.MIN_VALUE, Integer.MAX_VALUE);
            if (wanted == Short.class) return (short) exactLong(n, Short.MIN_VALUE, Short.MAX_VALUE);
            if (wanted == Byte.class) return (byte) exactLong(n, Byte.MIN_VALUE, Byte.MAX_VALUE);
            if (wanted == Double.class) return finite(n, n.doubleValue());
            if (wanted == Float.class) return finite(n, n.floatValue());
            if (wanted == BigDecimal.class) return decimal(n);
            if (wanted == BigInteger.class) return decimal(n).toBigIntegerExact();
            if (wanted == Boolean.class) return n.longValue() != 0;
            if (wanted == String.class) return n.toString();
        }
        if (value instanceof String s) {
            if (wanted == LocalDate.class) return LocalDate.parse(s.length() > 10 ? s.substring(0, 10) : s);
            if (wanted == LocalDateTime.class) return LocalDateTime.parse(s, LENIENT_DATETIME);
            if (wanted == LocalTime.class) return LocalTime.parse(s);
            if (wanted == OffsetDateTime.class) return parseOffset(s);
            if (wanted == Instant.class) return parseOffset(s).toInstant();
            if (wanted == UUID.class) return parseUuid(s);
            if (wanted == BigDecimal.class) return new BigDecimal(s.strip());
            if (wanted == BigInteger.class) return new BigInteger(s.strip());
            if (wanted == Long.class) return Long.valueOf(s.strip());
            if (wanted == Integer.class) return Integer.valueOf(s.strip());
            if (wanted == Short.class) return Short.valueOf(s.strip());
            if (wanted == Double.class) return Double.valueOf(s.strip());
            if (wanted == Boolean.class) return parseBoolean(s);
        }
        if (value instanceof Boolean b && (wanted == Integer.class || wanted == Long.class)) {
            return wanted == Integer.class ? (Object) (b ? 1 : 0) : (Object) (b ? 1L : 0L);
        }
        if (value instanceof java.sql.Timestamp ts) {
            if (wanted == LocalDateTime.class) return ts.toLocalDateTime();
            if (wanted == Instant.class) return ts.toInstant();
            if (wanted == LocalDate.class) return ts.toLocalDateTime().toLocalDate();
        }
        if (value instanceof java.sql.Date d && wanted == LocalDate.class) return d.toLocalDate();
        if (value instanceof java.sql.Time t && wanted == LocalTime.class) return t.toLocalTime();
        if (value instanceof OffsetDateTime o) {
            if (wanted == Instant.class) return o.toInstant();
            if (wanted == LocalDateTime.class) return o.toLocalDateTime();
        }
        if (wanted == String.class) return value.toString();
        return null;
    }

    /**
     * A number as a {@code long} within bounds, exactly: never wrapped (5000000000 is no {@code Integer}), never
     * truncated (2.75 is no integer; 3.0 is 3).
     *
     * @throws ArithmeticException saying why it does not fit
     */
    private static long exactLong(Number n, long min, long max) {
        long v;
        if (n instanceof Integer || n instanceof Long || n instanceof Short || n instanceof Byte) {
            v = n.longValue();
        } else if (n instanceof Double || n instanceof Float) {
            double d = n.doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) throw new ArithmeticException("not a finite number");
            if (d != Math.rint(d)) throw new ArithmeticException("it has a fraction");
            // 2^63 itself is a double; (long) would clamp it to Long.MAX_VALUE
            if (d < -0x1p63 || d >= 0x1p63) throw new ArithmeticException(outOfRange(min, max));
            v = (long) d;
        } else {
            BigDecimal d = decimal(n);
            if (d.signum() != 0 && d.scale() > 0 && d.stripTrailingZeros().scale() > 0)
                throw new ArithmeticException("it has a fraction");
            if (d.precision() - d.scale() > 19) throw new ArithmeticException(outOfRange(min, max));
            v = d.longValueExact();
        }
        if (v < min || v > max) throw new ArithmeticException(outOfRange(min, max));
        return v;
    }

    private static String outOfRange(long min, long max) {
        return "out of range (" + min + " to " + max + ")";
    }

    /** A finite number that became infinite when narrowed (1e400 as a double, 1e300 as a float) does not fit. */
    private static <N extends Number> N finite(Number original, N narrowed) {
        double d = narrowed.doubleValue();
        if (Double.isInfinite(d) && !isInfinite(original)) {
            throw new ArithmeticException(
                    "out of range for " + narrowed.getClass().getSimpleName());
        }
        return narrowed;
    }

    private static boolean isInfinite(Number n) {
        return (n instanceof Double || n instanceof Float) && Double.isInfinite(n.doubleValue());
    }

    private static BigDecimal decimal(Number n) {
        if (n instanceof BigDecimal d) return d;
        if (n instanceof BigInteger b) return new BigDecimal(b);
        if (n instanceof Double || n instanceof Float) {
            double d = n.doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                throw new ArithmeticException(d + " has no BigDecimal value");
            }
            return BigDecimal.valueOf(d);
        }
        if (n instanceof Integer || n instanceof Long || n instanceof Short || n instanceof Byte) {
            return BigDecimal.valueOf(n.longValue());
        }
        return new BigDecimal(n.toString());
    }

    private static OffsetDateTime parseOffset(String s) {
        String text = s.strip().replace(' ', 'T');
        try {
            return OffsetDateTime.parse(text);
        } catch (RuntimeException e) {
            // stored without an offset: SQLAlchemy's timezone-aware DATETIME on SQLite keeps UTC wall time
            return LocalDateTime.parse(s.strip(), LENIENT_DATETIME).atOffset(ZoneOffset.UTC);
        }
    }

    private static UUID parseUuid(String s) {
        String text = s.strip();
        if (text.length() == 32) {
            text = text.substring(0, 8)
                    + '-'
                    + text.substring(8, 12)
                    + '-'
                    + text.substring(12, 16)
                    + '-'
                    + text.substring(16, 20)
                    + '-'
                    + text.substring(20);
        }
        return UUID.fromString(text);
    }

    private static Boolean parseBoolean(String s) {
        return switch (s.strip().toLowerCase(Locale.ROOT)) {
            case "1", "true", "t", "yes", "y" -> true;
            case "0", "false", "f", "no", "n" -> false;
            default -> throw new IllegalArgumentException("not a boolean");
        };
    }

    /**
     * Formats a UUID as SQLAlchemy stores it where the database has no UUID type: 32 lower-case hex digits.
     *
     * @param uuid the UUID
     * @return its hex form without dashes
     */
    public static String uuidHex(UUID uuid) {
        return uuid.toString().replace("-", "");
    }

    /**
     * @param type a class, possibly primitive
     * @return its wrapper class for a primitive, else the class itself
     */
    public static Class<?> boxed(Class<?> type) {
        if (!type.isPrimitive()) return type;
        if (type == int.class) return Integer.class;
        if (type == long.class) return Long.class;
        if (type == boolean.class) return Boolean.class;
        if (type == double.class) return Double.class;
        if (type == float.class) return Float.class;
        if (type == short.class) return Short.class;
        if (type == byte.class) return Byte.class;
        if (type == char.class) return Character.class;
        return Void.class;
    }
}
