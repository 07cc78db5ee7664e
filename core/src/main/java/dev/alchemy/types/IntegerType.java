package dev.alchemy.types;

/** INTEGER ↔ {@link Integer}. */
public record IntegerType() implements SqlType<Integer> {

    @Override
    public Class<Integer> javaType() {
        return Integer.class;
    }

    @Override
    public String sqlName() {
        return "INTEGER";
    }

    @Override
    public String toString() {
        return sqlName();
    }
}
