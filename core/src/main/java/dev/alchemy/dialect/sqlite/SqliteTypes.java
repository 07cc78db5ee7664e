package dev.alchemy.dialect.sqlite;

import static dev.alchemy.dialect.internal.StandardBinding.mismatch;

import dev.alchemy.dialect.internal.BindingCache;
import dev.alchemy.dialect.internal.StandardBinding;
import dev.alchemy.engine.Conversions;
import dev.alchemy.engine.ValueBinder;
import dev.alchemy.engine.ValueReader;
import dev.alchemy.exc.ArgumentError;
import dev.alchemy.types.ConvertedType;
import dev.alchemy.types.DateTimeType;
import dev.alchemy.types.DateType;
import dev.alchemy.types.JsonType;
import dev.alchemy.types.NumericType;
import dev.alchemy.types.SqlType;
import dev.alchemy.types.TimeType;
import dev.alchemy.types.UuidType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * How SQLite stores each type: as SQLAlchemy stores it, so that one file reads the same in both (reference §3).
 * Dates and times are text ({@link SqliteTemporal}), booleans 0/1, UUIDs 32 hex digits, enums their names, JSON
 * its text. Never sqlite-jdbc's {@code setTimestamp}/{@code setDate}: they write integer milliseconds.
 */
final class SqliteTypes {

    private static final ValueBinder DATETIME = (ps, i, v) -> {
        if (v == null) ps.setNull(i, Types.VARCHAR);
        else if (v instanceof LocalDateTime t) ps.setString(i, SqliteTemporal.formatDateTime(t));
        // SQLAlchemy's SQLite DateTime takes a date too, as midnight
        else if (v instanceof LocalDate d) ps.setString(i, SqliteTemporal.formatDateTime(d.atStartOfDay()));
        else throw mismatch("DATETIME", v, "LocalDateTime (or LocalDate)");
    };
    private static final ValueBinder DATETIME_TZ = (ps, i, v) -> {
        if (v == null) ps.setNull(i, Types.VARCHAR);
        else if (v instanceof OffsetDateTime || v instanceof Instant || v instanceof ZonedDateTime)
            ps.setString(i, SqliteTemporal.formatUtc(v));
        else throw mismatch("DATETIME(timezone=true)", v, "OffsetDateTime, Instant or ZonedDateTime");
    };
    private static final ValueBinder DATE = (ps, i, v) -> {
        if (v == null) ps.setNull(i, Types.VARCHAR);
        else if (v instanceof LocalDate d) ps.setString(i, SqliteTemporal.formatDate(d));
        else throw mismatch("DATE", v, "LocalDate");
    };
    private static final ValueBinder TIME = (ps, i, v) -> {
        if (v == null) ps.setNull(i, Types.VARCHAR);
        else if (v instanceof LocalTime t) ps.setString(i, SqliteTemporal.formatTime(t));
        else throw mismatch("TIME", v, "LocalTime");
    };
    private static final ValueBinder UUID_HEX = (ps, i, v) -> {
        if (v == null) ps.setNull(i, Types.VARCHAR);
        else if (v instanceof UUID u) ps.setString(i, hex(u));
        else if (v instanceof String s) ps.setString(i, hex(parseUuid(s)));
        else throw mismatch("UUID", v, "UUID");
    };
    private static final ValueBinder JSON = (ps, i, v) -> {
        if (v == null) ps.setNull(i, Types.VARCHAR);
        else if (v instanceof String s) ps.setString(i, s);
        else throw mismatch("JSON", v, "a String of JSON text (or a converted type with your JSON codec)");
    };
    private static final ValueBinder NUMERIC = (ps, i, v) -> {
        if (v == null) {
            ps.setNull(i, Types.NUMERIC);
            return;
        }
        BigDecimal d = decimal(v);
        // what NUMERIC affinity would make of the text anyway, bound as such so that expressions without a column
        // compare as numbers: whole numbers that fit 64 bits exactly, everything else an 8-byte float (SQLAlchemy
        // binds a float always)
        if (d.signum() == 0 || d.scale() <= 0 || d.stripTrailingZeros().scale() <= 0) {
            BigInteger whole = d.toBigInteger();
            if (whole.bitLength() < 64) {
                ps.setLong(i, whole.longValue());
                return;
            }
        }
        double x = d.doubleValue();
        if (Double.isInfinite(x)) throw StandardBinding.outOfRange(v, "NUMERIC", "SQLite's 8-byte float");
        ps.setDouble(i, x);
    };
    private static final ValueReader DATETIME_READER = (rs, i) -> SqliteTemporal.parseDateTime(rs.getObject(i));
    private static final ValueReader OFFSET_DATETIME_READER = (rs, i) -> SqliteTemporal.parseUtc(rs.getObject(i));
    private static final ValueReader INSTANT_READER = (rs, i) -> {
        OffsetDateTime t = SqliteTemporal.parseUtc(rs.getObject(i));
        return t == null ? null : t.toInstant();
    };
    private static final ValueReader DATE_READER = (rs, i) -> SqliteTemporal.parseDate(rs.getString(i));
    private static final ValueReader TIME_READER = (rs, i) -> SqliteTemporal.parseTime(rs.getString(i));
    private static final ValueReader UUID_READER = (rs, i) -> {
        Object raw = rs.getObject(i);
        if (raw == null) return null;
        if (raw instanceof byte[] b && b.length == 16) return uuidFromBytes(b);
        return parseUuid(raw.toString());
    };

    private final BindingCache cache = new BindingCache(this::resolveBinder, this::resolveReader);
    private final ValueBinder untyped;

    /** @param untyped binds a value of a type this class does not know, by the value's class */
    SqliteTypes(ValueBinder untyped) {
        this.untyped = untyped;
    }

    ValueBinder binder(SqlType<?> type) {
        return cache.binder(type);
    }

    ValueReader reader(SqlType<?> type) {
        return cache.reader(type);
    }

    /** SQLAlchemy's generic names are SQLite's DDL names ({@code DATETIME}, {@code BLOB}, {@code CHAR(32)}). */
    static String ddlType(SqlType<?> type) {
        return type instanceof ConvertedType<?, ?> c ? ddlType(c.storedType()) : type.sqlName();
    }

    private ValueBinder resolveBinder(SqlType<?> type) {
        if (type instanceof ConvertedType<?, ?> c) return StandardBinding.converted(c, binder(c.storedType()));
        // SQLite has no NaN: it stores NULL instead
        ValueBinder real = StandardBinding.withoutNaN(type);
        if (real != null) return real;
        ValueBinder standard = StandardBinding.binder(type, untyped);
        if (standard != null) return standard;
        ValueBinder bool = StandardBinding.booleanAsInteger(type);
        if (bool != null) return bool;
        if (type instanceof DateTimeType<?> t) return t.timezone() ? DATETIME_TZ : DATETIME;
        if (type instanceof DateType) return DATE;
        if (type instanceof TimeType) return TIME;
        if (type instanceof NumericType) return NUMERIC;
        if (type instanceof UuidType) return UUID_HEX;
        if (type instanceof JsonType) return JSON;
        // a type this dialect does not know: bind by the value's class, as text SQL does
        return untyped;
    }

    private ValueReader resolveReader(SqlType<?> type) {
        if (type instanceof ConvertedType<?, ?> c) return StandardBinding.converted(c, reader(c.storedType()));
        ValueReader standard = StandardBinding.reader(type);
        if (standard != null) return standard;
        ValueReader bool = StandardBinding.booleanFromInteger(type);
        if (bool != null) return bool;
        if (type instanceof DateTimeType<?> t) {
            if (!t.timezone()) return DATETIME_READER;
            return t.javaType() == Instant.class ? INSTANT_READER : OFFSET_DATETIME_READER;
        }
        if (type instanceof DateType) return DATE_READER;
        if (type instanceof TimeType) return TIME_READER;
        if (type instanceof NumericType n) return numericReader(n.scale());
        if (type instanceof UuidType) return UUID_READER;
        if (type instanceof JsonType) return (rs, i) -> rs.getString(i);
        Class<?> javaType = type.javaType();
        return (rs, i) -> Conversions.convert(rs.getObject(i), javaType);
    }

    /** Back from INTEGER, REAL (or TEXT), with the declared scale applied as SQLAlchemy applies it. */
    private static ValueReader numericReader(@Nullable Integer scale) {
        return (rs, i) -> {
            Object raw = rs.getObject(i);
            if (raw == null) return null;
            BigDecimal d;
            if (raw instanceof Integer || raw instanceof Long) d = BigDecimal.valueOf(((Number) raw).longValue());
            else if (raw instanceof Double x) {
                // a REAL Infinity (1e400 written by another program): BigDecimal has no such value
                if (Double.isInfinite(x) || Double.isNaN(x))
                    throw StandardBinding.unreadable(raw, "BigDecimal", "not a finite number");
                // with a declared scale, rounded from the double's exact binary value, as SQLAlchemy's "%.2f" rounds
                // it: 1.29 / 2 is 0.64500000000000001776... and reads as 0.65 (from the shortest decimal, 0.645,
                // half-even rounding would give 0.64); without one, the shortest decimal that reads back as this
                // double: 12.34, not 12.339999999999999857891452847979962825775146484375
                d = scale != null ? new BigDecimal(x) : BigDecimal.valueOf(x);
            } else if (raw instanceof String text) {
                try {
                    d = new BigDecimal(text.strip());
                } catch (NumberFormatException e) {
                    throw StandardBinding.unreadable(raw, "BigDecimal", "not a number");
                }
            } else throw StandardBinding.unreadable(raw, "BigDecimal", "not a number");
            if (scale != null) return d.setScale(scale, RoundingMode.HALF_EVEN);
            return d.scale() < 0 ? d.setScale(0) : d;
        };
    }

    private static BigDecimal decimal(Object v) {
        if (v instanceof BigDecimal d) return d;
        if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte)
            return BigDecimal.valueOf(((Number) v).longValue());
        if (v instanceof Double || v instanceof Float) return StandardBinding.finiteDecimal(v);
        if (v instanceof BigInteger b) return new BigDecimal(b);
        if (v instanceof String s) {
            try {
                return new BigDecimal(s);
            } catch (NumberFormatException e) {
                throw new ArgumentError("'" + s + "' is not a decimal number", e);
            }
        }
        throw mismatch("NUMERIC", v, "BigDecimal (or another number)");
    }

    private static String hex(UUID u) {
        return Conversions.uuidHex(u);
    }

    private static UUID parseUuid(String s) {
        String text = s.strip();
        try {
            if (text.length() == 32) {
                return new UUID(Long.parseUnsignedLong(text, 0, 16, 16), Long.parseUnsignedLong(text, 16, 32, 16));
            }
            return UUID.fromString(text);
        } catch (RuntimeException e) {
            throw new ArgumentError("'" + s + "' is not a UUID (32 hex digits, or the dashed form)", e);
        }
    }

    private static UUID uuidFromBytes(byte[] b) {
        long hi = 0;
        long lo = 0;
        for (int k = 0; k < 8; k++) hi = (hi << 8) | (b[k] & 0xff);
        for (int k = 8; k < 16; k++) lo = (lo << 8) | (b[k] & 0xff);
        return new UUID(hi, lo);
    }
}
