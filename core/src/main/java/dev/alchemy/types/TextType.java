package dev.alchemy.types;

/** TEXT ↔ {@link String}. */
public record TextType() implements SqlType<String> {

    @Override
    public Class<String> javaType() {
        return String.class;
    }

    @Override
    public String sqlName() {
        return "TEXT";
    }

    @Override
    public String toString() {
        return sqlName();
    }
}
