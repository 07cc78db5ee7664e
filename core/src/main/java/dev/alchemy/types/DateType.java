package dev.alchemy.types;

import java.time.LocalDate;

/** DATE ↔ {@link LocalDate}; SQLite stores {@code 'YYYY-MM-DD'} text, as SQLAlchemy does. */
public record DateType() implements SqlType<LocalDate> {

    @Override
    public Class<LocalDate> javaType() {
        return LocalDate.class;
    }

    @Override
    public String sqlName() {
        return "DATE";
    }

    @Override
    public String toString() {
        return sqlName();
    }
}
