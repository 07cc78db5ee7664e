package dev.alchemy.types;

/**
 * DOUBLE ↔ {@link Double}, like SQLAlchemy 2.0's {@code Double}: {@code DOUBLE} on SQLite, {@code DOUBLE PRECISION}
 * on PostgreSQL.
 */
public record DoubleType() implements SqlType<Double> {

    @Override
    public Class<Double> javaType() {
        return Double.class;
    }

    @Override
    public String sqlName() {
        return "DOUBLE";
    }

    @Override
    public String toString() {
        return sqlName();
    }
}
