package dev.alchemy.types;

import java.util.UUID;

/**
 * A UUID ↔ {@link UUID}, like SQLAlchemy 2.0's {@code Uuid}: {@code CHAR(32)} holding 32 lower-case hex digits
 * without dashes on SQLite, native {@code UUID} on PostgreSQL.
 */
public record UuidType() implements SqlType<UUID> {

    @Override
    public Class<UUID> javaType() {
        return UUID.class;
    }

    /** {@code CHAR(32)}, as SQLAlchemy's {@code str(Uuid())} shows; PostgreSQL's DDL says {@code UUID}. */
    @Override
    public String sqlName() {
        return "CHAR(32)";
    }

    @Override
    public String toString() {
        return "UUID";
    }
}
