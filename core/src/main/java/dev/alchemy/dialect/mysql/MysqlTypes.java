package dev.alchemy.dialect.mysql;

import static dev.alchemy.dialect.internal.StandardBinding.mismatch;

import dev.alchemy.dialect.internal.BindingCache;
import dev.alchemy.dialect.internal.StandardBinding;
import dev.alchemy.engine.Conversions;
import dev.alchemy.engine.ValueBinder;
import dev.alchemy.engine.ValueReader;
import dev.alchemy.exc.ArgumentError;
import dev.alchemy.exc.CompileError;
import dev.alchemy.types.BigIntegerType;
import dev.alchemy.types.BooleanType;
import dev.alchemy.types.ConvertedType;
import dev.alchemy.types.DateTimeType;
import dev.alchemy.types.DateType;
import dev.alchemy.types.DoubleType;
import dev.alchemy.types.EnumType;
import dev.alchemy.types.FloatType;
import dev.alchemy.types.IntegerType;
import dev.alchemy.types.JsonType;
import dev.alchemy.types.LargeBinaryType;
import dev.alchemy.types.NumericType;
import dev.alchemy.types.SmallIntegerType;
import dev.alchemy.types.SqlType;
import dev.alchemy.types.StringType;
import dev.alchemy.types.TextType;
import dev.alchemy.types.TimeType;
import dev.alchemy.types.UuidType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * MySQL's and MariaDB's types, as SQLAlchemy's MySQL dialect renders them, with two choices of our own that keep
 * values whole: a time is {@code DATETIME(6)}/{@code TIME(6)} (plain {@code DATETIME} would round away the
 * microseconds), and {@code Text}/{@code LargeBinary} are {@code LONGTEXT}/{@code LONGBLOB} (MySQL's {@code TEXT}
 * and {@code BLOB} end at 64 KB, where PostgreSQL's and SQLite's have no limit). A time-zone-aware DATETIME is stored
 * as its UTC wall time and read back with offset UTC, as on SQLite: MySQL's {@code TIMESTAMP} would convert through
 * the session's time zone and end in 2038. A UUID is MariaDB's native {@code UUID} where the server has it (10.7 and
 * later), else {@code CHAR(32)} of hex digits, SQLAlchemy's {@code Uuid} on MySQL.
 */
final class MysqlTypes {

    private static final ValueBinder BOOLEAN = (ps, i, v) -> {
        if (v == null) ps.setNull(i, Types.BOOLEAN);
        else ps.setBoolean(i, StandardBinding.bool(v));
    };
    private static final ValueBinder NUMERIC = (ps, i, v) -> {
        if (v == null) ps.setNull(i, Types.DECIMAL);
        else ps.setBigDecimal(i, decimal(v));
    };
    /**
     * A DOUBLE: MySQL and MariaDB have no NaN or Infinity, and MariaDB Connector/J would write one into the SQL text
     * as a word ({@code Unknown column 'NaN'}), so they are refused before binding, as a number beyond a double's
     * range is.
     */
    private static final ValueBinder DOUBLE = (ps, i, v) -> {
        if (v == null) {
            ps.setNull(i, Types.DOUBLE);
        } else if (v instanceof Number n) {
            ps.setDouble(i, finite(n, n.doubleValue(), "a double"));
        } else {
            throw mismatch("FLOAT", v, "Double");
        }
    };
    /**
     * A {@code Float}, bound as the float's exact double value: the driver would send {@code Float.MAX_VALUE} as its
     * shortest text, {@code 3.4028235E38}, which the server reads as a double above the float range and refuses.
     */
    private static final ValueBinder FLOAT = (ps, i, v) -> {
        if (v == null) {
            ps.setNull(i, Types.REAL);
        } else if (v instanceof Number n) {
            ps.setDouble(i, finite(n, n.floatValue(), "a float"));
        } else {
            throw mismatch("FLOAT", v, "Float");
        }
    };

    private static final ValueBinder DATETIME = (ps, i, v) -> {
        if (v == null) ps.setNull(i, Types.TIMESTAMP);
        else if (v instanceof LocalDateTime t) ps.setObject(i, t.truncatedTo(ChronoUnit.MICROS));
        else if (v instanceof LocalDate d) ps.setObject(i, d.atStartOfDay());
        else throw mismatch("DATETIME", v, "LocalDateTime (or LocalDate)");
    };
    private static final ValueBinder DATETIME_TZ = (ps, i, v) -> {
        if (v == null) ps.setNull(i, Types.TIMESTAMP);
        else ps.setObject(i, utc(v));
    };
    private static final ValueBinder DATE = (ps, i, v) -> {
        if (v == null) ps.setNull(i, Types.DATE);
        else if (v instanceof LocalDate d) ps.setObject(i, d);
        else throw mismatch("DATE", v, "LocalDate");
    };
    private static final ValueBinder TIME = (ps, i, v) -> {
        if (v == null) ps.setNull(i, Types.TIME);
        else if (v instanceof LocalTime t) ps.setObject(i, t.truncatedTo(ChronoUnit.MICROS));
        else throw mismatch("TIME", v, "LocalTime");
    };
    private static final ValueBinder UUID_NATIVE = (ps, i, v) -> {
        if (v == null) ps.setNull(i, Types.CHAR);
        else ps.setString(i, uuid(v).toString());
    };
    private static final ValueBinder UUID_HEX = (ps, i, v) -> {
        if (v == null) ps.setNull(i, Types.CHAR);
        else ps.setString(i, uuid(v).toString().replace("-", ""));
    };
    private static final ValueBinder JSON = (ps, i, v) -> {
        if (v == null) ps.setNull(i, Types.VARCHAR);
        else if (v instanceof String s) ps.setString(i, s);
        else throw mismatch("JSON", v, "a String of JSON text (or a converted type with your JSON codec)");
    };
    /** 0 and 1 only: a BOOL is a TINYINT(1), which holds 2 or -1 as well, and {@code getBoolean} makes them true. */
    private static final ValueReader BOOLEAN_READER = (rs, i) -> {
        long v = rs.getLong(i);
        if (v == 0 && rs.wasNull()) return null;
        if (v == 0 || v == 1) return v == 1;
        throw StandardBinding.unreadable(v, "Boolean", "a boolean is stored as 0 or 1");
    };

    private static final ValueReader NUMERIC_READER = (rs, i) -> rs.getBigDecimal(i);
    private static final ValueReader DATETIME_READER = (rs, i) -> rs.getObject(i, LocalDateTime.class);
    private static final ValueReader OFFSET_DATETIME_READER = (rs, i) -> {
        LocalDateTime t = rs.getObject(i, LocalDateTime.class);
        return t == null ? null : t.atOffset(ZoneOffset.UTC);
    };
    private static final ValueReader INSTANT_READER = (rs, i) -> {
        LocalDateTime t = rs.getObject(i, LocalDateTime.class);
        return t == null ? null : t.toInstant(ZoneOffset.UTC);
    };
    private static final ValueReader DATE_READER = (rs, i) -> rs.getObject(i, LocalDate.class);
    private static final ValueReader TIME_READER = (rs, i) -> rs.getObject(i, LocalTime.class);
    private static final ValueReader UUID_READER = (rs, i) -> {
        String s = rs.getString(i);
        return s == null ? null : parseUuid(s);
    };
    private static final ValueReader TEXT_READER = (rs, i) -> rs.getString(i);

    private final BindingCache cache = new BindingCache(this::resolveBinder, this::resolveReader);
    private final ValueBinder untyped;
    private final boolean nativeUuid;

    /**
     * @param untyped binds a value of a type this class does not know, by the value's class
     * @param nativeUuid whether the server has MariaDB's UUID type
     */
    MysqlTypes(ValueBinder untyped, boolean nativeUuid) {
        this.untyped = untyped;
        this.nativeUuid = nativeUuid;
    }

    ValueBinder binder(SqlType<?> type) {
        return cache.binder(type);
    }

    ValueReader reader(SqlType<?> type) {
        return cache.reader(type);
    }

    /**
     * The DDL name of a type.
     *
     * @throws CompileError for a VARCHAR without a length or a NUMERIC without a precision, which MySQL cannot keep
     *     as other databases do
     */
    String ddlType(SqlType<?> type) {
        if (type instanceof ConvertedType<?, ?> c) return ddlType(c.storedType());
        if (type instanceof StringType s) {
            if (s.length() == null) {
                // SQLAlchemy's "VARCHAR requires a length on dialect mysql"
                throw new CompileError(
                        "VARCHAR requires a length on MySQL and MariaDB: give it one"
                                + " (@Column(length = 100), SqlTypes.string(100)), or use Text for text of any length (@Column(text = true), SqlTypes.TEXT)");
            }
            return s.sqlName();
        }
        if (type instanceof NumericType n && n.precision() == null) {
            throw new CompileError("NUMERIC requires a precision on MySQL and MariaDB, where it would otherwise be"
                    + " DECIMAL(10, 0) and round every fraction away: give it one (@Column(precision = 12, scale = 2),"
                    + " SqlTypes.numeric(12, 2))");
        }
        if (type instanceof TextType) return "LONGTEXT";
        if (type instanceof LargeBinaryType) return "LONGBLOB";
        if (type instanceof BooleanType) return "BOOL";
        if (type instanceof DateTimeType<?>) return "DATETIME(6)";
        if (type instanceof TimeType) return "TIME(6)";
        if (type instanceof DoubleType) return "DOUBLE";
        if (type instanceof FloatType<?> f) {
            // a stated precision is the user's; else DOUBLE, for a Float too: a Double keeps its 8 bytes, and a
            // 4-byte FLOAT comes back from MariaDB in a result's text with 6 significant digits (Float.MAX_VALUE
            // reads as 3.40282E38), where a float widened to a DOUBLE reads back exactly
            if (f.precision() != null) return "FLOAT(" + f.precision() + ")";
            return "DOUBLE";
        }
        if (type instanceof UuidType) return nativeUuid ? "UUID" : "CHAR(32)";
        if (type instanceof JsonType) return "JSON";
        return type.sqlName();
    }

    /**
     * The type's name inside {@code CAST(x AS type)}, where MySQL takes only a few names, as SQLAlchemy's MySQL
     * compiler maps them: integers as {@code SIGNED}, text as {@code CHAR}, exact numbers as {@code DECIMAL}.
     */
    String castType(SqlType<?> type) {
        if (type instanceof ConvertedType<?, ?> c) return castType(c.storedType());
        if (type instanceof IntegerType || type instanceof BigIntegerType || type instanceof SmallIntegerType)
            return "SIGNED INTEGER";
        if (type instanceof BooleanType) return "SIGNED INTEGER";
        if (type instanceof StringType s) return s.length() == null ? "CHAR" : "CHAR(" + s.length() + ")";
        if (type instanceof TextType || type instanceof EnumType<?>) return "CHAR";
        if (type instanceof NumericType n) {
            if (n.precision() == null) return "DECIMAL(65, 30)";
            return "DECIMAL(" + n.precision() + ", " + (n.scale() == null ? 0 : n.scale()) + ")";
        }
        if (type instanceof DoubleType) return "DOUBLE";
        if (type instanceof FloatType<?>) return "DOUBLE"; // as the DDL: a FLOAT would come back with 6 digits
        if (type instanceof LargeBinaryType) return "BINARY";
        if (type instanceof UuidType) return nativeUuid ? "UUID" : "CHAR(32)";
        if (type instanceof JsonType) return "CHAR";
        return ddlType(type);
    }

    private ValueBinder resolveBinder(SqlType<?> type) {
        if (type instanceof ConvertedType<?, ?> c) return StandardBinding.converted(c, binder(c.storedType()));
        if (type instanceof DoubleType) return DOUBLE;
        if (type instanceof FloatType<?> f) return f.javaType() == Float.class ? FLOAT : DOUBLE;
        ValueBinder standard = StandardBinding.binder(type, untyped);
        if (standard != null) return standard;
        if (type instanceof BooleanType) return BOOLEAN;
        if (type instanceof DateTimeType<?> t) return t.timezone() ? DATETIME_TZ : DATETIME;
        if (type instanceof DateType) return DATE;
        if (type instanceof TimeType) return TIME;
        if (type instanceof NumericType) return NUMERIC;
        if (type instanceof UuidType) return nativeUuid ? UUID_NATIVE : UUID_HEX;
        if (type instanceof JsonType) return JSON;
        return untyped;
    }

    private ValueReader resolveReader(SqlType<?> type) {
        if (type instanceof ConvertedType<?, ?> c) return StandardBinding.converted(c, reader(c.storedType()));
        ValueReader standard = StandardBinding.reader(type);
        if (standard != null) return standard;
        if (type instanceof BooleanType) return BOOLEAN_READER;
        if (type instanceof DateTimeType<?> t) {
            if (!t.timezone()) return DATETIME_READER;
            return t.javaType() == Instant.class ? INSTANT_READER : OFFSET_DATETIME_READER;
        }
        if (type instanceof DateType) return DATE_READER;
        if (type instanceof TimeType) return TIME_READER;
        if (type instanceof NumericType) return NUMERIC_READER;
        if (type instanceof UuidType) return UUID_READER;
        if (type instanceof JsonType) return TEXT_READER;
        Class<?> javaType = type.javaType();
        return (rs, i) -> Conversions.convert(rs.getObject(i), javaType);
    }

    /**
     * @param value the value bound
     * @param stored its value as stored (a double, or a float widened exactly)
     * @param storage what it is stored as, for the message
     * @return {@code stored}, when finite
     * @throws ArgumentError for NaN, an infinity, or a number beyond the storage's range
     */
    static double finite(Number value, double stored, String storage) {
        if (!Double.isFinite(stored)) {
            if ((value instanceof Double || value instanceof Float) && !Double.isFinite(value.doubleValue())) {
                throw new ArgumentError(
                        "cannot bind " + value + " to a FLOAT parameter: MySQL and MariaDB cannot store "
                                + "NaN or Infinity; store NULL for \"no value\" explicitly");
            }
            throw StandardBinding.outOfRange(value, "FLOAT", storage);
        }
        return stored;
    }

    /** A time-zone-aware value as its UTC wall time, to the microsecond. */
    static LocalDateTime utc(Object v) {
        OffsetDateTime t;
        if (v instanceof OffsetDateTime o) t = o;
        else if (v instanceof Instant i) t = i.atOffset(ZoneOffset.UTC);
        else if (v instanceof ZonedDateTime z) t = z.toOffsetDateTime();
        else throw mismatch("DATETIME(timezone=true)", v, "OffsetDateTime, Instant or ZonedDateTime");
        return t.withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime().truncatedTo(ChronoUnit.MICROS);
    }

    private static BigDecimal decimal(Object v) {
        if (v instanceof BigDecimal d) return d;
        if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte)
            return BigDecimal.valueOf(((Number) v).longValue());
        if (v instanceof Double || v instanceof Float) return StandardBinding.finiteDecimal(v);
        if (v instanceof BigInteger b) return new BigDecimal(b);
        throw mismatch("NUMERIC", v, "BigDecimal (or another number)");
    }

    private static UUID uuid(Object v) {
        if (v instanceof UUID u) return u;
        if (v instanceof String s) return parseUuid(s);
        throw mismatch("UUID", v, "UUID");
    }

    private static UUID parseUuid(String s) {
        try {
            String text = s.strip();
            return text.length() == 32
                    ? new UUID(Long.parseUnsignedLong(text, 0, 16, 16), Long.parseUnsignedLong(text, 16, 32, 16))
                    : UUID.fromString(text);
        } catch (RuntimeException e) {
            throw new ArgumentError("'" + s + "' is not a UUID (32 hex digits, or the dashed form)", e);
        }
    }
}
