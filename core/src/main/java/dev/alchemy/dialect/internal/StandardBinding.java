package dev.alchemy.dialect.internal;

import dev.alchemy.engine.ValueBinder;
import dev.alchemy.engine.ValueReader;
import dev.alchemy.exc.ArgumentError;
import dev.alchemy.exc.DataError;
import dev.alchemy.types.BigIntegerType;
import dev.alchemy.types.BooleanType;
import dev.alchemy.types.ConvertedType;
import dev.alchemy.types.DoubleType;
import dev.alchemy.types.EnumType;
import dev.alchemy.types.FloatType;
import dev.alchemy.types.IntegerType;
import dev.alchemy.types.LargeBinaryType;
import dev.alchemy.types.SmallIntegerType;
import dev.alchemy.types.SqlType;
import dev.alchemy.types.StringType;
import dev.alchemy.types.TextType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Types;
import org.jspecify.annotations.Nullable;

/**
 * Binders and readers for the types whose JDBC mapping is the same on every database, and helpers the dialects
 * share. A binder accepts values of its type's Java class (integer types any integral number that fits) and fails
 * with an {@link ArgumentError} naming the type for anything else.
 */
public final class StandardBinding {

    private static final ValueBinder STRING = (ps, i, v) -> {
        if (v == null) ps.setNull(i, Types.VARCHAR);
        else if (v instanceof String s) ps.setString(i, s);
        else throw mismatch("VARCHAR", v, "String");
    };
    private static final ValueBinder DOUBLE = doubleBinder(true);
    private static final ValueBinder DOUBLE_NO_NAN = doubleBinder(false);
    private static final ValueBinder FLOAT = floatBinder(true);
    private static final ValueBinder FLOAT_NO_NAN = floatBinder(false);
    private static final ValueBinder BYTES = (ps, i, v) -> {
        if (v == null) ps.setNull(i, Types.BINARY);
        else if (v instanceof byte[] b) ps.setBytes(i, b);
        else throw mismatch("BLOB", v, "byte[]");
    };
    private static final ValueBinder BOOLEAN_AS_INT = (ps, i, v) -> {
        if (v == null) ps.setNull(i, Types.INTEGER);
        else ps.setInt(i, bool(v) ? 1 : 0);
    };
    // Integer and floating-point columns are read with getObject, which tells the value's own type (on SQLite its
    // storage class): a getInt would wrap 5000000000, truncate 2.75 and read 'abc' as 0. The common case is one
    // instanceof test; anything else goes through the exact conversions below, which raise a DataError rather than
    // narrow.
    private static final ValueReader INTEGER_READER = (rs, i) -> {
        Object v = rs.getObject(i);
        return v == null || v instanceof Integer
                ? v
                : (Object) (int) whole(v, Integer.MIN_VALUE, Integer.MAX_VALUE, "Integer");
    };
    private static final ValueReader BIGINT_READER = (rs, i) -> {
        Object v = rs.getObject(i);
        if (v == null || v instanceof Long) return v;
        if (v instanceof Integer n) return (long) n;
        return whole(v, Long.MIN_VALUE, Long.MAX_VALUE, "Long");
    };
    private static final ValueReader SMALLINT_READER = (rs, i) -> {
        Object v = rs.getObject(i);
        return v == null || v instanceof Short
                ? v
                : (Object) (short) whole(v, Short.MIN_VALUE, Short.MAX_VALUE, "Short");
    };
    private static final ValueReader STRING_READER = (rs, i) -> rs.getString(i);
    private static final ValueReader DOUBLE_READER = (rs, i) -> {
        Object v = rs.getObject(i);
        return v == null || v instanceof Double ? v : (Object) real(v, "Double");
    };
    private static final ValueReader FLOAT_READER = (rs, i) -> {
        Object v = rs.getObject(i);
        if (v == null || v instanceof Float) return v;
        double d = real(v, "Float");
        float f = (float) d;
        if (Float.isInfinite(f) && !Double.isInfinite(d)) throw unreadable(v, "Float", "out of range");
        return f;
    };
    private static final ValueReader BYTES_READER = (rs, i) -> rs.getBytes(i);
    /**
     * 0 and 1 only: SQLite keeps any value in any column (2, -1, 0.5, 'abc'), which {@code getInt} would make true,
     * false or 0, and SQLAlchemy's {@code bool()} true. A whole-number real is the same number (NUMERIC affinity
     * stores 1.0 as 1 anyway).
     */
    private static final ValueReader BOOLEAN_AS_INT_READER = (rs, i) -> {
        Object raw = rs.getObject(i);
        if (raw == null) return null;
        if (raw instanceof Boolean b) return b;
        if (raw instanceof Integer || raw instanceof Long || raw instanceof Short || raw instanceof Byte) {
            long v = ((Number) raw).longValue();
            if (v == 0 || v == 1) return v == 1;
        } else if (raw instanceof Double || raw instanceof Float) {
            double v = ((Number) raw).doubleValue();
            if (v == 0.0 || v == 1.0) return v == 1.0;
        }
        throw unreadable(raw, "Boolean", "a boolean is stored as 0 or 1");
    };

    private StandardBinding() {}

    /**
     * @param type a type
     * @param untyped the dialect's binding by the value's own class, for a fractional number compared with an
     *     integer column ({@code cents * 1.1}), as SQLAlchemy binds a compared value of another type affinity
     * @return its standard binder, or null when the dialect must supply one
     */
    public static @Nullable ValueBinder binder(SqlType<?> type, ValueBinder untyped) {
        if (type instanceof IntegerType)
            return integer(Types.INTEGER, Integer.MIN_VALUE, Integer.MAX_VALUE, "INTEGER", untyped);
        if (type instanceof BigIntegerType)
            return integer(Types.BIGINT, Long.MIN_VALUE, Long.MAX_VALUE, "BIGINT", untyped);
        if (type instanceof SmallIntegerType)
            return integer(Types.SMALLINT, Short.MIN_VALUE, Short.MAX_VALUE, "SMALLINT", untyped);
        if (type instanceof StringType || type instanceof TextType) return STRING;
        if (type instanceof DoubleType) return DOUBLE;
        if (type instanceof FloatType<?> f) return f.javaType() == Float.class ? FLOAT : DOUBLE;
        if (type instanceof LargeBinaryType) return BYTES;
        if (type instanceof EnumType<?> e) return enumBinder(e);
        return null;
    }

    /**
     * A binder for {@code Double} values: any number that fits a double (a {@code BigDecimal} beyond its range is
     * refused rather than stored as Infinity); NaN only where the database stores it.
     */
    private static ValueBinder doubleBinder(boolean storesNaN) {
        return (ps, i, v) -> {
            if (v == null) {
                ps.setNull(i, Types.DOUBLE);
            } else if (v instanceof Double d) {
                // the common case: one comparison, as NaN is the only value not equal to itself
                if (!storesNaN && d.isNaN()) throw nanRefused(v, "FLOAT");
                ps.setDouble(i, d);
            } else if (v instanceof Number n) {
                double d = n.doubleValue();
                if (Double.isNaN(d) && !storesNaN) throw nanRefused(v, "FLOAT");
                if (Double.isInfinite(d) && !(n instanceof Float)) throw outOfRange(v, "FLOAT", "a double");
                ps.setDouble(i, d);
            } else {
                throw mismatch("FLOAT", v, "Double");
            }
        };
    }

    /** A binder for {@code Float} values: a number beyond the float range (1e300) is refused, not stored as Infinity. */
    private static ValueBinder floatBinder(boolean storesNaN) {
        return (ps, i, v) -> {
            if (v == null) {
                ps.setNull(i, Types.REAL);
            } else if (v instanceof Number n) {
                float f = n.floatValue();
                if (Float.isNaN(f) && !storesNaN) throw nanRefused(v, "FLOAT");
                if (Float.isInfinite(f) && !Double.isInfinite(n.doubleValue())) throw outOfRange(v, "FLOAT", "a float");
                ps.setFloat(i, f);
            } else {
                throw mismatch("FLOAT", v, "Float");
            }
        };
    }

    /**
     * The error for NaN where the database cannot store it (SQLite stores NULL instead).
     *
     * @param value the value
     * @param typeName the SQL type
     * @return the error to throw
     */
    public static ArgumentError nanRefused(Object value, String typeName) {
        return new ArgumentError("cannot bind " + describe(value) + " to a " + typeName + " parameter: this database "
                + "cannot store NaN (SQLite would store NULL in its place); store NULL for \"no value\" explicitly");
    }

    /**
     * The error for a number beyond what its storage can hold.
     *
     * @param value the value
     * @param typeName the SQL type
     * @param storage what it would be stored as, e.g. "a double"
     * @return the error to throw
     */
    public static ArgumentError outOfRange(Object value, String typeName, String storage) {
        return new ArgumentError("cannot bind " + describe(value) + " to a " + typeName + " parameter: it is beyond "
                + "the range of " + storage + " and would be stored as Infinity");
    }

    /**
     * A {@code Double} or {@code Float} as a decimal, for a NUMERIC parameter.
     *
     * @param value a Double or Float
     * @return its shortest decimal form
     * @throws ArgumentError for NaN and the infinities, which a decimal number does not have
     */
    public static BigDecimal finiteDecimal(Object value) {
        double d = ((Number) value).doubleValue();
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            throw new ArgumentError("cannot bind " + describe(value)
                    + " to a NUMERIC parameter: a decimal number has no NaN or Infinity");
        }
        return BigDecimal.valueOf(d);
    }

    /**
     * A binder for {@link DoubleType} and {@link FloatType} that refuses NaN, for a database that cannot store it.
     *
     * @param type a type
     * @return the binder, or null for another type
     */
    public static @Nullable ValueBinder withoutNaN(SqlType<?> type) {
        if (type instanceof DoubleType) return DOUBLE_NO_NAN;
        if (type instanceof FloatType<?> f) return f.javaType() == Float.class ? FLOAT_NO_NAN : DOUBLE_NO_NAN;
        return null;
    }

    /**
     * An integer binder: whole numbers within the type's range as that type (out of range is an error: the column's
     * Java type could not hold the value, and SQLite would store it and truncate it on reading), fractional numbers
     * by their own class, anything else an error.
     */
    private static ValueBinder integer(int sqlType, long min, long max, String typeName, ValueBinder untyped) {
        return (ps, i, v) -> {
            if (v == null) {
                ps.setNull(i, sqlType);
            } else if (!isWhole(v)) {
                if (!(v instanceof Number)) throw mismatch(typeName, v, "an integral number");
                untyped.bind(ps, i, v);
            } else {
                long n = integral(v, min, max, typeName);
                switch (sqlType) {
                    case Types.INTEGER -> ps.setInt(i, (int) n);
                    case Types.SMALLINT -> ps.setShort(i, (short) n);
                    default -> ps.setLong(i, n);
                }
            }
        };
    }

    private static boolean isWhole(Object v) {
        return v instanceof Integer
                || v instanceof Long
                || v instanceof Short
                || v instanceof Byte
                || v instanceof BigInteger
                || (v instanceof BigDecimal d
                        && (d.scale() <= 0 || d.stripTrailingZeros().scale() <= 0));
    }

    /**
     * @param type a type
     * @return its standard reader, or null when the dialect must supply one
     */
    public static @Nullable ValueReader reader(SqlType<?> type) {
        if (type instanceof IntegerType) return INTEGER_READER;
        if (type instanceof BigIntegerType) return BIGINT_READER;
        if (type instanceof SmallIntegerType) return SMALLINT_READER;
        if (type instanceof StringType || type instanceof TextType) return STRING_READER;
        if (type instanceof DoubleType) return DOUBLE_READER;
        if (type instanceof FloatType<?> f) return f.javaType() == Float.class ? FLOAT_READER : DOUBLE_READER;
        if (type instanceof LargeBinaryType) return BYTES_READER;
        if (type instanceof EnumType<?> e) return (rs, i) -> e.fromName(rs.getString(i));
        return null;
    }

    /**
     * A stored value as a whole number within bounds, exactly.
     *
     * @throws DataError naming the value and the Java type when it is out of range, has a fraction or is no number
     */
    private static long whole(Object v, long min, long max, String javaType) {
        long n;
        if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte) {
            n = ((Number) v).longValue();
        } else if (v instanceof Double || v instanceof Float) {
            double d = ((Number) v).doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) throw unreadable(v, javaType, "not a finite number");
            if (d != Math.rint(d)) throw unreadable(v, javaType, "it has a fraction");
            if (d < -0x1p63 || d >= 0x1p63) throw unreadable(v, javaType, range(min, max));
            n = (long) d;
        } else if (v instanceof BigDecimal || v instanceof BigInteger) {
            BigDecimal d = v instanceof BigDecimal b ? b : new BigDecimal((BigInteger) v);
            if (d.signum() != 0 && d.scale() > 0 && d.stripTrailingZeros().scale() > 0)
                throw unreadable(v, javaType, "it has a fraction");
            if (d.precision() - d.scale() > 19) throw unreadable(v, javaType, range(min, max));
            try {
                n = d.longValueExact();
            } catch (ArithmeticException e) {
                throw unreadable(v, javaType, range(min, max));
            }
        } else if (v instanceof String s) {
            try {
                n = Long.parseLong(s.strip());
            } catch (NumberFormatException e) {
                throw unreadable(v, javaType, "not a whole number");
            }
        } else if (v instanceof Boolean b) {
            n = b ? 1 : 0;
        } else {
            throw unreadable(v, javaType, "not a number");
        }
        if (n < min || n > max) throw unreadable(v, javaType, range(min, max));
        return n;
    }

    private static String range(long min, long max) {
        return "out of range (" + min + " to " + max + ")";
    }

    /** A stored value as a double: any number (a huge one may round), text only when it is a number. */
    private static double real(Object v, String javaType) {
        if (v instanceof Number n) {
            double d = n.doubleValue();
            if (Double.isInfinite(d) && !(v instanceof Double || v instanceof Float))
                throw unreadable(v, javaType, "out of range");
            return d;
        }
        if (v instanceof String s) {
            try {
                return Double.parseDouble(s.strip());
            } catch (NumberFormatException e) {
                throw unreadable(v, javaType, "not a number");
            }
        }
        throw unreadable(v, javaType, "not a number");
    }

    /**
     * The error for a stored value that does not fit the Java type it is read into. The engine adds the column and
     * the statement.
     *
     * @param value the value as the driver returned it
     * @param javaType the Java type it was to be read as
     * @param why why it does not fit
     * @return the error to throw
     */
    public static DataError unreadable(Object value, String javaType, String why) {
        String shown = value instanceof byte[] b
                ? "<" + b.length + " bytes>"
                : value instanceof String text
                        ? "'" + (text.length() > 60 ? text.substring(0, 60) + "..." : text) + "' (text)"
                        : String.valueOf(value);
        return new DataError("the value " + shown + " does not fit " + javaType + " (" + why + ")", null, null, null);
    }

    /**
     * Booleans stored as INTEGER 0/1 (SQLite).
     *
     * @param type a type
     * @return the binder for {@link BooleanType}, or null for another type
     */
    public static @Nullable ValueBinder booleanAsInteger(SqlType<?> type) {
        return type instanceof BooleanType ? BOOLEAN_AS_INT : null;
    }

    /**
     * @param type a type
     * @return the reader for {@link BooleanType} stored as 0/1, or null for another type
     */
    public static @Nullable ValueReader booleanFromInteger(SqlType<?> type) {
        return type instanceof BooleanType ? BOOLEAN_AS_INT_READER : null;
    }

    /**
     * A converted type's binder: converts, then binds with the stored type's binder.
     *
     * @param type the converted type
     * @param stored the stored type's binder
     * @return the binder
     */
    public static ValueBinder converted(ConvertedType<?, ?> type, ValueBinder stored) {
        return (ps, i, v) -> stored.bind(ps, i, convertForStorage(type, v));
    }

    /**
     * A converted type's reader: reads with the stored type's reader, then converts.
     *
     * @param type the converted type
     * @param stored the stored type's reader
     * @return the reader
     */
    public static ValueReader converted(ConvertedType<?, ?> type, ValueReader stored) {
        return (rs, i) -> {
            Object value = stored.read(rs, i);
            try {
                return type.fromStored(value);
            } catch (RuntimeException e) {
                throw new ArgumentError(
                        "cannot convert the stored value " + describe(value) + " to " + type + ": " + e, e);
            }
        };
    }

    private static @Nullable Object convertForStorage(ConvertedType<?, ?> type, @Nullable Object value) {
        if (value != null && !type.javaType().isInstance(value)) {
            throw mismatch(type.toString(), value, type.javaType().getSimpleName());
        }
        try {
            return type.toStored(value);
        } catch (RuntimeException e) {
            throw new ArgumentError("cannot convert " + describe(value) + " for storage as " + type + ": " + e, e);
        }
    }

    private static ValueBinder enumBinder(EnumType<?> type) {
        Class<?> enumClass = type.javaType();
        return (ps, i, v) -> {
            if (v == null) ps.setNull(i, Types.VARCHAR);
            else if (enumClass.isInstance(v)) ps.setString(i, ((Enum<?>) v).name());
            // any text as is, as SQLAlchemy's Enum (validate_strings=False): LIKE patterns, names of other versions
            else if (v instanceof String s) ps.setString(i, s);
            else throw mismatch(type.toString(), v, enumClass.getSimpleName());
        };
    }

    /**
     * An integral value within bounds, from any integral number (and a BigDecimal without fraction).
     *
     * @param value the value
     * @param min the smallest allowed
     * @param max the largest allowed
     * @param typeName the SQL type, for the message
     * @return the value as a long
     */
    public static long integral(Object value, long min, long max, String typeName) {
        long v;
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            v = ((Number) value).longValue();
        } else if (value instanceof BigDecimal || value instanceof BigInteger) {
            try {
                v = value instanceof BigDecimal d ? d.longValueExact() : ((BigInteger) value).longValueExact();
            } catch (ArithmeticException e) {
                throw new ArgumentError(describe(value) + " is not a whole number that fits " + typeName, e);
            }
        } else {
            throw mismatch(typeName, value, "an integral number");
        }
        if (v < min || v > max) {
            throw new ArgumentError(
                    describe(value) + " is out of range for " + typeName + " (" + min + " to " + max + ")");
        }
        return v;
    }

    /**
     * A boolean from a Boolean or the numbers 0 and 1, as SQLAlchemy's Boolean accepts.
     *
     * @param value the value
     * @return the boolean
     */
    public static boolean bool(Object value) {
        if (value instanceof Boolean b) return b;
        if (value instanceof Number n && (n.longValue() == 0 || n.longValue() == 1) && n.doubleValue() == n.longValue())
            return n.longValue() == 1;
        throw mismatch("BOOLEAN", value, "Boolean (or 0/1)");
    }

    /**
     * The error for a value of the wrong class.
     *
     * @param typeName the SQL type
     * @param value the value
     * @param expected what the type takes
     * @return the error to throw
     */
    public static ArgumentError mismatch(String typeName, Object value, String expected) {
        return new ArgumentError(
                "cannot bind " + describe(value) + " to a " + typeName + " parameter; expected " + expected);
    }

    /**
     * @param value a value
     * @return its class and a shortened text, for messages
     */
    public static String describe(@Nullable Object value) {
        if (value == null) {
            return "null";
        }
        String text = value instanceof byte[] b ? b.length + " bytes" : String.valueOf(value);
        if (text.length() > 60) {
            text = text.substring(0, 60) + "...";
        }
        return "a " + value.getClass().getSimpleName() + " '" + text + "'";
    }
}
