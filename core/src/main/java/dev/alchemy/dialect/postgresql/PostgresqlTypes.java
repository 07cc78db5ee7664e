package dev.alchemy.dialect.postgresql;

import static dev.alchemy.dialect.internal.StandardBinding.mismatch;

import dev.alchemy.dialect.internal.BindingCache;
import dev.alchemy.dialect.internal.StandardBinding;
import dev.alchemy.engine.Conversions;
import dev.alchemy.engine.ValueBinder;
import dev.alchemy.engine.ValueReader;
import dev.alchemy.exc.ArgumentError;
import dev.alchemy.types.BooleanType;
import dev.alchemy.types.ConvertedType;
import dev.alchemy.types.DateTimeType;
import dev.alchemy.types.DateType;
import dev.alchemy.types.DoubleType;
import dev.alchemy.types.FloatType;
import dev.alchemy.types.JsonType;
import dev.alchemy.types.LargeBinaryType;
import dev.alchemy.types.NumericType;
import dev.alchemy.types.SqlType;
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
 * PostgreSQL's native types through pgJDBC's standard JDBC calls: {@code java.time} values with
 * {@code setObject}/{@code getObject(i, Class)}, UUID, BYTEA, BOOLEAN, NUMERIC; JSONB as text sent with
 * {@link Types#OTHER} (no driver class needed). Times are truncated to microseconds before binding, as on SQLite
 * (pgJDBC would round).
 */
final class PostgresqlTypes {

    private static final ValueBinder BOOLEAN = (ps, i, v) -> {
        if (v == null) ps.setNull(i, Types.BOOLEAN);
        else ps.setBoolean(i, StandardBinding.bool(v));
    };
    private static final ValueBinder NUMERIC = (ps, i, v) -> {
        if (v == null) ps.setNull(i, Types.NUMERIC);
        else ps.setBigDecimal(i, decimal(v));
    };
    private static final ValueBinder DATETIME = (ps, i, v) -> {
        if (v == null) ps.setNull(i, Types.TIMESTAMP);
        else if (v instanceof LocalDateTime t) ps.setObject(i, t.truncatedTo(ChronoUnit.MICROS));
        else if (v instanceof LocalDate d) ps.setObject(i, d.atStartOfDay());
        else throw mismatch("DATETIME", v, "LocalDateTime (or LocalDate)");
    };
    private static final ValueBinder DATETIME_TZ = (ps, i, v) -> {
        if (v == null) ps.setNull(i, Types.TIMESTAMP_WITH_TIMEZONE);
        else if (v instanceof OffsetDateTime t) ps.setObject(i, t.truncatedTo(ChronoUnit.MICROS));
        else if (v instanceof Instant t)
            ps.setObject(i, t.atOffset(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS));
        else if (v instanceof ZonedDateTime t)
            ps.setObject(i, t.toOffsetDateTime().truncatedTo(ChronoUnit.MICROS));
        else throw mismatch("DATETIME(timezone=true)", v, "OffsetDateTime, Instant or ZonedDateTime");
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
    private static final ValueBinder UUID_BINDER = (ps, i, v) -> {
        if (v == null) ps.setNull(i, Types.OTHER);
        else if (v instanceof UUID u) ps.setObject(i, u);
        else if (v instanceof String s) ps.setObject(i, parseUuid(s));
        else throw mismatch("UUID", v, "UUID");
    };
    private static final ValueBinder JSONB = (ps, i, v) -> {
        if (v == null) ps.setNull(i, Types.OTHER);
        // Types.OTHER sends the text untyped, so the server reads it as the column's JSONB
        else if (v instanceof String s) ps.setObject(i, s, Types.OTHER);
        else throw mismatch("JSON", v, "a String of JSON text (or a converted type with your JSON codec)");
    };
    private static final ValueReader BOOLEAN_READER = (rs, i) -> {
        boolean v = rs.getBoolean(i);
        return !v && rs.wasNull() ? null : v;
    };
    private static final ValueReader NUMERIC_READER = (rs, i) -> rs.getBigDecimal(i);
    private static final ValueReader DATETIME_READER = (rs, i) -> rs.getObject(i, LocalDateTime.class);
    private static final ValueReader OFFSET_DATETIME_READER = (rs, i) -> rs.getObject(i, OffsetDateTime.class);
    private static final ValueReader INSTANT_READER = (rs, i) -> {
        OffsetDateTime t = rs.getObject(i, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    };
    private static final ValueReader DATE_READER = (rs, i) -> rs.getObject(i, LocalDate.class);
    private static final ValueReader TIME_READER = (rs, i) -> rs.getObject(i, LocalTime.class);
    private static final ValueReader UUID_READER = (rs, i) -> rs.getObject(i, UUID.class);
    private static final ValueReader TEXT_READER = (rs, i) -> rs.getString(i);

    private final BindingCache cache = new BindingCache(this::resolveBinder, this::resolveReader);
    private final ValueBinder untyped;

    /** @param untyped binds a value of a type this class does not know, by the value's class */
    PostgresqlTypes(ValueBinder untyped) {
        this.untyped = untyped;
    }

    ValueBinder binder(SqlType<?> type) {
        return cache.binder(type);
    }

    ValueReader reader(SqlType<?> type) {
        return cache.reader(type);
    }

    /** PostgreSQL's DDL names, as SQLAlchemy's PostgreSQL dialect renders them (JSONB and VARCHAR enums aside). */
    static String ddlType(SqlType<?> type) {
        if (type instanceof ConvertedType<?, ?> c) return ddlType(c.storedType());
        if (type instanceof DateTimeType<?> t)
            return t.timezone() ? "TIMESTAMP WITH TIME ZONE" : "TIMESTAMP WITHOUT TIME ZONE";
        if (type instanceof TimeType) return "TIME WITHOUT TIME ZONE";
        if (type instanceof LargeBinaryType) return "BYTEA";
        if (type instanceof DoubleType) return "DOUBLE PRECISION";
        if (type instanceof FloatType<?> f) return f.precision() == null ? "FLOAT" : "FLOAT(" + f.precision() + ")";
        if (type instanceof UuidType) return "UUID";
        // JSONB rather than SQLAlchemy's JSON: it can be indexed and compared, and reads back normalised
        if (type instanceof JsonType) return "JSONB";
        // enums stay VARCHAR(n) (SQLAlchemy's native_enum=False): a native ENUM needs CREATE TYPE and ALTER TYPE
        // to add a constant, and stores the same names
        return type.sqlName();
    }

    private ValueBinder resolveBinder(SqlType<?> type) {
        if (type instanceof ConvertedType<?, ?> c) return StandardBinding.converted(c, binder(c.storedType()));
        ValueBinder standard = StandardBinding.binder(type, untyped);
        if (standard != null) return standard;
        if (type instanceof BooleanType) return BOOLEAN;
        if (type instanceof DateTimeType<?> t) return t.timezone() ? DATETIME_TZ : DATETIME;
        if (type instanceof DateType) return DATE;
        if (type instanceof TimeType) return TIME;
        if (type instanceof NumericType) return NUMERIC;
        if (type instanceof UuidType) return UUID_BINDER;
        if (type instanceof JsonType) return JSONB;
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

    private static BigDecimal decimal(Object v) {
        if (v instanceof BigDecimal d) return d;
        if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte)
            return BigDecimal.valueOf(((Number) v).longValue());
        if (v instanceof Double || v instanceof Float) return StandardBinding.finiteDecimal(v);
        if (v instanceof BigInteger b) return new BigDecimal(b);
        throw mismatch("NUMERIC", v, "BigDecimal (or another number)");
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
