package dev.alchemy.engine.internal;

import dev.alchemy.engine.Conversions;
import dev.alchemy.engine.EngineDialect;
import dev.alchemy.engine.Row;
import dev.alchemy.exc.ArgumentError;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** Builds records from rows: components matched to columns once per result, then one constructor call per row. */
final class RecordMapper {

    private RecordMapper() {}

    static <R extends Record> List<R> map(Class<R> type, List<String> keys, List<Row> rows, EngineDialect dialect) {
        if (!type.isRecord()) {
            throw new ArgumentError(type.getName() + " is not a record");
        }
        RecordComponent[] components = type.getRecordComponents();
        int[] columnOf = new int[components.length];
        boolean byName = true;
        for (int i = 0; i < components.length; i++) {
            columnOf[i] = find(components[i].getName(), keys);
            byName &= columnOf[i] >= 0;
        }
        if (!byName) {
            if (components.length != keys.size()) {
                List<String> names = new ArrayList<>();
                for (RecordComponent c : components) {
                    names.add(c.getName());
                }
                throw new ArgumentError("cannot fill " + type.getSimpleName() + names + " from columns " + keys
                        + ": name the columns like the components (label them), or select as many columns as it has");
            }
            for (int i = 0; i < components.length; i++) {
                columnOf[i] = i;
            }
        }
        Constructor<R> constructor;
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
        }
        try {
            constructor = type.getDeclaredConstructor(types);
            constructor.setAccessible(true);
        } catch (NoSuchMethodException | RuntimeException e) {
            throw new ArgumentError(
                    "cannot use the canonical constructor of " + type.getName() + ": " + e.getMessage(), e);
        }
        List<R> result = new ArrayList<>(rows.size());
        for (Row row : rows) {
            Object[] args = new Object[components.length];
            for (int i = 0; i < components.length; i++) {
                @Nullable Object raw = row.get(columnOf[i]);
                @Nullable Object value;
                try {
                    value = dialect.convert(raw, Conversions.boxed(types[i]));
                } catch (RuntimeException e) {
                    throw DefaultRow.unconvertible(
                            e,
                            "'" + keys.get(columnOf[i]) + "' into " + type.getSimpleName() + "."
                                    + components[i].getName() + " (" + types[i].getName() + ")",
                            raw,
                            types[i]);
                }
                if (value == null && types[i].isPrimitive()) {
                    throw new ArgumentError("column '" + keys.get(columnOf[i]) + "' is NULL but " + type.getSimpleName()
                            + "." + components[i].getName() + " is a primitive " + types[i].getName());
                }
                args[i] = value;
            }
            try {
                result.add(constructor.newInstance(args));
            } catch (InvocationTargetException e) {
                throw new ArgumentError(
                        "the constructor of " + type.getSimpleName() + " refused a row: " + e.getCause(), e.getCause());
            } catch (ReflectiveOperationException e) {
                throw new ArgumentError("cannot create " + type.getSimpleName() + ": " + e.getMessage(), e);
            }
        }
        return result;
    }

    private static int find(String component, List<String> keys) {
        int exact = keys.indexOf(component);
        if (exact >= 0) {
            return exact;
        }
        String wanted = normalize(component);
        for (int i = 0; i < keys.size(); i++) {
            if (normalize(keys.get(i)).equals(wanted)) {
                return i;
            }
        }
        return -1;
    }

    private static String normalize(String name) {
        return name.replace("_", "").toLowerCase(Locale.ROOT);
    }
}
