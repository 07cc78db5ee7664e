package dev.alchemy.types;

/**
 * JSON ↔ a {@link String} holding JSON text, like SQLAlchemy's {@code JSON}: {@code JSON} on SQLite (stored as
 * text), {@code JSONB} on PostgreSQL.
 *
 * <p>The core depends on no JSON library, so the value is the JSON text itself, stored as given (Java null is SQL
 * NULL, like SQLAlchemy's {@code JSON(none_as_null=True)}). To hold objects, put a codec of your choice in front of
 * it: {@link SqlTypes#json(Class, java.util.function.Function, java.util.function.Function)}, e.g. with Jackson's
 * {@code writeValueAsString}/{@code readValue}.
 */
public record JsonType() implements SqlType<String> {

    @Override
    public Class<String> javaType() {
        return String.class;
    }

    @Override
    public String sqlName() {
        return "JSON";
    }

    @Override
    public String toString() {
        return sqlName();
    }
}
