package dev.alchemy.sql;

import dev.alchemy.exc.ArgumentError;
import dev.alchemy.types.SqlType;
import dev.alchemy.types.SqlTypes;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * {@code EXTRACT(field FROM expression)}: a part of a date, time or timestamp, like SQLAlchemy's {@code
 * extract('year', col)}. Made by {@link dev.alchemy.Alchemy#extract(String, ColumnElement)}:
 *
 * <pre>{@code
 * select(extract("year", orders.c("placed_at")), func.count()).groupBy(...)
 * // PostgreSQL: EXTRACT(year FROM orders.placed_at)
 * // SQLite:     CAST(STRFTIME('%Y', orders.placed_at) AS INTEGER)
 * }</pre>
 *
 * <p>The fields are SQLAlchemy's: {@code year}, {@code quarter}, {@code month}, {@code week}, {@code day},
 * {@code doy} (day of the year), {@code dow} (day of the week, Sunday 0), {@code hour}, {@code minute},
 * {@code second}, {@code milliseconds}, {@code microseconds}, {@code epoch} (seconds since 1970-01-01 00:00 UTC),
 * {@code timezone_hour}, {@code timezone_minute}. Each dialect renders it its own way (SQLite knows only year, month,
 * day, hour, minute, second, doy, dow, week and epoch, as SQLAlchemy's SQLite compiler does). The value is an
 * INTEGER ({@code Integer}), except {@code second}, {@code milliseconds} and {@code epoch}, which can have a
 * fraction on PostgreSQL and are NUMERIC ({@code BigDecimal}); SQLAlchemy types them all as Integer.
 *
 * @param field the field, lower case
 * @param expression the date, time or timestamp
 */
public record Extract(String field, ColumnElement<?> expression) implements ColumnElement<Number> {

    /** SQLAlchemy's {@code EXTRACT_MAP} keys, in its order. */
    static final Set<String> FIELDS = Set.of(
            "month",
            "day",
            "year",
            "second",
            "hour",
            "doy",
            "minute",
            "quarter",
            "dow",
            "week",
            "epoch",
            "milliseconds",
            "microseconds",
            "timezone_hour",
            "timezone_minute");

    private static final Set<String> FRACTIONAL = Set.of("second", "milliseconds", "epoch");

    /**
     * Checks the field (case does not matter) and the expression.
     *
     * @throws ArgumentError for a field that is not one of the names above
     */
    public Extract {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(expression, "expression");
        field = field.strip().toLowerCase(Locale.ROOT);
        if (!FIELDS.contains(field)) {
            throw new ArgumentError("'" + field + "' is not a field EXTRACT knows; use one of "
                    + "year, quarter, month, week, day, doy, dow, hour, minute, second, milliseconds, microseconds, "
                    + "epoch, timezone_hour, timezone_minute");
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public @Nullable SqlType<Number> type() {
        SqlType<?> type = FRACTIONAL.contains(field) ? SqlTypes.NUMERIC : SqlTypes.INTEGER;
        return (SqlType<Number>) type;
    }

    @Override
    public void collectFroms(Consumer<? super FromClause> froms) {
        expression.collectFroms(froms);
    }

    @Override
    public void compileTo(SqlCompiler compiler) {
        compiler.dialect().renderExtract(compiler, field, () -> compiler.visit(expression));
    }

    @Override
    public String toString() {
        return SqlCompiler.toSql(this);
    }
}
