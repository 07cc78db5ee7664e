package dev.alchemy.schema;

import dev.alchemy.exc.ArgumentError;
import dev.alchemy.types.ConvertedType;
import dev.alchemy.types.SqlType;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** SQLAlchemy's rule for the column whose values the database generates ({@code Table._autoincrement_column}). */
final class Autoincrement {

    private Autoincrement() {}

    /**
     * The autoincrement column of a primary key: its only column unless that has {@code autoincrement(false)}, an
     * unsuitable type, a foreign key or a default; for a composite key only a column marked
     * {@code autoincrement(true)}.
     */
    static @Nullable Column<?> of(String table, List<Column<?>> primaryKey) {
        if (primaryKey.size() == 1) {
            Column<?> c = primaryKey.get(0);
            Boolean setting = c.autoincrementSetting();
            if (Boolean.TRUE.equals(setting)) {
                requireInteger(table, c);
                return c;
            }
            return setting == null && qualifiesByDefault(c) ? c : null;
        }
        Column<?> found = null;
        for (Column<?> c : primaryKey) {
            if (Boolean.TRUE.equals(c.autoincrementSetting())) {
                requireInteger(table, c);
                if (found != null) {
                    throw new ArgumentError(
                            "only one column of table '" + table + "' may be marked autoincrement(true),"
                                    + " found both '" + found.name() + "' and '" + c.name() + "'");
                }
                found = c;
            }
        }
        return found;
    }

    static boolean qualifiesByDefault(Column<?> c) {
        return isInteger(c.type()) && c.foreignKey() == null && !c.hasDefault() && !c.hasServerDefault();
    }

    /** Integer affinity, judged by the Java type so that every integer width (and the types to come) counts. */
    static boolean isInteger(SqlType<?> type) {
        if (type instanceof ConvertedType<?, ?> c) {
            return isInteger(c.storedType()); // a TypeDecorator over Integer autoincrements in SQLAlchemy too
        }
        Class<?> java = type.javaType();
        return java == Integer.class || java == Long.class || java == Short.class;
    }

    private static void requireInteger(String table, Column<?> c) {
        if (!isInteger(c.type())) {
            throw new ArgumentError("column type " + c.type().sqlName() + " of column '" + table + "." + c.name()
                    + "' is not compatible with autoincrement(true); only integer columns autoincrement");
        }
    }
}
