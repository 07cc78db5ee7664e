package dev.alchemy.types;

import java.time.LocalTime;

/**
 * TIME ↔ {@link LocalTime}, to the microsecond (finer digits are truncated); SQLite stores
 * {@code 'HH:MM:SS.ffffff'} text, as SQLAlchemy does.
 */
public record TimeType() implements SqlType<LocalTime> {

    @Override
    public Class<LocalTime> javaType() {
        return LocalTime.class;
    }

    @Override
    public String sqlName() {
        return "TIME";
    }

    @Override
    public String toString() {
        return sqlName();
    }
}
