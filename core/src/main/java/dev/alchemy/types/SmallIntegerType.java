package dev.alchemy.types;

/** SMALLINT ↔ {@link Short}, like SQLAlchemy's {@code SmallInteger}. */
public record SmallIntegerType() implements SqlType<Short> {

    @Override
    public Class<Short> javaType() {
        return Short.class;
    }

    @Override
    public String sqlName() {
        return "SMALLINT";
    }

    @Override
    public String toString() {
        return sqlName();
    }
}
