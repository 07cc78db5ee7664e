package dev.alchemy.dialect.internal;

import dev.alchemy.engine.ValueBinder;
import dev.alchemy.engine.ValueReader;
import dev.alchemy.types.BigIntegerType;
import dev.alchemy.types.BooleanType;
import dev.alchemy.types.IntegerType;
import dev.alchemy.types.SqlType;
import dev.alchemy.types.StringType;
import dev.alchemy.types.TextType;
import java.sql.Types;
import org.jspecify.annotations.Nullable;

/** Binders and readers for the types whose JDBC mapping is the same on every database. */
public final class StandardBinding {

    private static final ValueBinder INTEGER = (ps, i, v) -> {
        if (v == null) ps.setNull(i, Types.INTEGER);
        else ps.setInt(i, ((Number) v).intValue());
    };
    private static final ValueBinder BIGINT = (ps, i, v) -> {
        if (v == null) ps.setNull(i, Types.BIGINT);
        else ps.setLong(i, ((Number) v).longValue());
    };
    private static final ValueBinder STRING = (ps, i, v) -> {
        if (v == null) ps.setNull(i, Types.VARCHAR);
        else ps.setString(i, (String) v);
    };
    private static final ValueReader INTEGER_READER = (rs, i) -> {
        int v = rs.getInt(i);
        return v == 0 && rs.wasNull() ? null : v;
    };
    private static final ValueReader BIGINT_READER = (rs, i) -> {
        long v = rs.getLong(i);
        return v == 0 && rs.wasNull() ? null : v;
    };
    private static final ValueReader STRING_READER = (rs, i) -> rs.getString(i);
    private static final ValueReader BOOLEAN_AS_INT_READER = (rs, i) -> {
        int v = rs.getInt(i);
        return v == 0 && rs.wasNull() ? null : v != 0;
    };
    private static final ValueBinder BOOLEAN_AS_INT = (ps, i, v) -> {
        if (v == null) ps.setNull(i, Types.INTEGER);
        else ps.setInt(i, (Boolean) v ? 1 : 0);
    };

    private StandardBinding() {}

    /**
     * @param type a type
     * @return its standard binder, or null when the dialect must supply one
     */
    public static @Nullable ValueBinder binder(SqlType<?> type) {
        if (type instanceof IntegerType) return INTEGER;
        if (type instanceof BigIntegerType) return BIGINT;
        if (type instanceof StringType || type instanceof TextType) return STRING;
        return null;
    }

    /**
     * @param type a type
     * @return its standard reader, or null when the dialect must supply one
     */
    public static @Nullable ValueReader reader(SqlType<?> type) {
        if (type instanceof IntegerType) return INTEGER_READER;
        if (type instanceof BigIntegerType) return BIGINT_READER;
        if (type instanceof StringType || type instanceof TextType) return STRING_READER;
        return null;
    }

    /**
     * Booleans stored as INTEGER 0/1 (SQLite).
     *
     * @param type a type
     * @return the binder for {@link BooleanType}, or null for another type
     */
    public static @Nullable ValueBinder booleanAsInteger(SqlType<?> type) {
        return type instanceof BooleanType ? BOOLEAN_AS_INT : null;
    }

    /**
     * @param type a type
     * @return the reader for {@link BooleanType} stored as 0/1, or null for another type
     */
    public static @Nullable ValueReader booleanFromInteger(SqlType<?> type) {
        return type instanceof BooleanType ? BOOLEAN_AS_INT_READER : null;
    }
}
