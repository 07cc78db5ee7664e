package dev.alchemy.types;

import dev.alchemy.exc.ArgumentError;
import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/**
 * NUMERIC(precision, scale) ↔ {@link BigDecimal}, like SQLAlchemy's {@code Numeric}. Values read back carry the
 * declared scale when there is one ({@code 5} in a {@code NUMERIC(10, 2)} column reads as {@code 5.00}), as
 * SQLAlchemy's do.
 *
 * <p>SQLite has no exact decimal storage: a NUMERIC column keeps integers exactly (up to 64 bits) and everything
 * else as an 8-byte float, as SQLAlchemy stores it. See {@code docs/schema.md}, "Types".
 *
 * @param precision the total number of digits, or null for none
 * @param scale the digits after the decimal point, or null for none (needs a precision)
 */
public record NumericType(
        @Nullable Integer precision, @Nullable Integer scale) implements SqlType<BigDecimal> {

    /** Checks precision and scale. */
    public NumericType {
        if (precision != null && precision < 1) {
            throw new ArgumentError("a NUMERIC precision must be at least 1, was " + precision);
        }
        if (scale != null) {
            if (precision == null) {
                throw new ArgumentError("a NUMERIC scale needs a precision: use numeric(precision, " + scale + ")");
            }
            if (scale < 0 || scale > precision) {
                throw new ArgumentError(
                        "a NUMERIC scale must be between 0 and the precision " + precision + ", was " + scale);
            }
        }
    }

    @Override
    public Class<BigDecimal> javaType() {
        return BigDecimal.class;
    }

    @Override
    public String sqlName() {
        if (precision == null) {
            return "NUMERIC";
        }
        return scale == null ? "NUMERIC(" + precision + ")" : "NUMERIC(" + precision + ", " + scale + ")";
    }

    @Override
    public String toString() {
        return sqlName();
    }
}
