package dev.alchemy.sql;

import dev.alchemy.dialect.Dialect;
import dev.alchemy.engine.ResultColumn;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The names of a SELECT's columns, worked out once per column list as SQLAlchemy names them: a column by its name, a
 * labelled expression by its label, a function call {@code count_1}, any other expression {@code anon_1}, a
 * {@code CAST} by its column; a name already taken becomes {@code id_1} (another table's column) or {@code id__1}
 * (the same expression again). The row keys, the {@code AS} labels and a subquery's column names all come from here,
 * so they always agree.
 */
final class ColumnNames {

    private final List<String> keys;
    private final @Nullable String[] plainLabels;
    private final boolean[] literal;
    private final @Nullable String[] anonymousBase;
    private final int[] anonymousNumber;
    private volatile @Nullable ResultCache resultCache;

    private record ResultCache(Dialect dialect, List<ResultColumn> columns) {}

    private ColumnNames(
            List<String> keys,
            @Nullable String[] plainLabels,
            boolean[] literal,
            @Nullable String[] anonymousBase,
            int[] anonymousNumber) {
        this.keys = keys;
        this.plainLabels = plainLabels;
        this.literal = literal;
        this.anonymousBase = anonymousBase;
        this.anonymousNumber = anonymousNumber;
    }

    static ColumnNames of(List<ColumnElement<?>> columns) {
        int n = columns.size();
        String[] keys = new String[n];
        @Nullable String[] labels = new String[n];
        boolean[] literal = new boolean[n];
        @Nullable String[] bases = new String[n];
        int[] numbers = new int[n];
        Map<String, Integer> counters = new HashMap<>();
        Map<String, Integer> dedupes = new HashMap<>();
        Set<String> used = new HashSet<>();
        for (int i = 0; i < n; i++) {
            ColumnElement<?> c = columns.get(i);
            String name;
            boolean labelled;
            String key = c.key();
            if (c instanceof Label<?> l) {
                name = l.name();
                labelled = true;
            } else if (c instanceof LiteralColumn<?> || c instanceof TextClause) {
                name = key != null ? key : String.valueOf(c);
                labelled = false;
                literal[i] = true;
            } else if (c instanceof FunctionCall<?> f) {
                String base = simpleName(f.name());
                int number = counters.merge(base, 1, Integer::sum);
                name = base + "_" + number;
                bases[i] = base;
                numbers[i] = number;
                labelled = true;
                // the call's own bound arguments are numbered after its label (coalesce_1, then coalesce_2)
                int bound = boundArguments(f, base);
                if (bound > 0) {
                    counters.merge(base, bound, Integer::sum);
                }
            } else if (key != null) {
                name = key;
                labelled = !(c instanceof ColumnClause<?>);
            } else {
                int number = counters.merge("anon", 1, Integer::sum);
                name = "anon_" + number;
                bases[i] = "anon";
                numbers[i] = number;
                labelled = true;
            }
            if (used.contains(name)) {
                if (c instanceof ColumnClause<?> column && !repeated(columns, i)) {
                    int number;
                    do {
                        number = counters.merge(column.name(), 1, Integer::sum);
                        name = column.name() + "_" + number;
                    } while (used.contains(name));
                    bases[i] = column.name();
                    numbers[i] = number;
                } else {
                    String base = name;
                    do {
                        name = base + "__" + dedupes.merge(base, 1, Integer::sum);
                    } while (used.contains(name));
                }
                labelled = true;
            }
            used.add(name);
            keys[i] = name;
            labels[i] = labelled ? name : null;
        }
        return new ColumnNames(
                Collections.unmodifiableList(java.util.Arrays.asList(keys)), labels, literal, bases, numbers);
    }

    private static String simpleName(String functionName) {
        return functionName.substring(functionName.lastIndexOf('.') + 1);
    }

    private static int boundArguments(FunctionCall<?> f, String base) {
        int count = 0;
        for (ColumnElement<?> a : f.arguments()) {
            if (a instanceof BindParam<?> p && p.anonymous() && p.name().equals(base)) {
                count++;
            }
        }
        return count;
    }

    private static boolean repeated(List<ColumnElement<?>> columns, int index) {
        ColumnElement<?> c = columns.get(index);
        for (int i = 0; i < index; i++) {
            if (columns.get(i).equals(c)) {
                return true;
            }
        }
        return false;
    }

    /** @return the row keys, in column order */
    List<String> keys() {
        return keys;
    }

    /**
     * @param index a column's position
     * @param labelAll whether every column is labelled (a subquery or CTE body: {@code users.id AS id})
     * @return the {@code AS} label, or null for none
     */
    @Nullable
    String label(int index, boolean labelAll) {
        if (labelAll && !literal[index]) {
            return keys.get(index);
        }
        return plainLabels[index];
    }

    /**
     * Tells the compiler which generated name a column takes, so that bound parameters rendered after it are
     * numbered after it ({@code count(addresses.id) AS count_1 ... HAVING count(addresses.id) > ?} binds
     * {@code count_2}).
     *
     * @param compiler the compiler
     * @param index the column's position
     */
    void reserve(SqlCompiler compiler, int index) {
        String base = anonymousBase[index];
        if (base != null) {
            compiler.reserveAnonymous(base, anonymousNumber[index]);
        }
    }

    /**
     * The result columns for a dialect, built once per dialect: row keys and the dialect's readers.
     *
     * @param columns the selected expressions these names belong to
     * @param dialect the dialect
     * @return the result columns
     */
    /** The table column an expression selects, as {@code table.column} (for error messages), or null. */
    private static @Nullable String source(ColumnElement<?> column) {
        ColumnElement<?> c = column instanceof Label<?> label ? label.element() : column;
        if (c instanceof ColumnClause<?> cc) {
            TableClause table = cc.table();
            return table == null ? null : table.name() + "." + cc.name();
        }
        return null;
    }

    List<ResultColumn> resultColumns(List<ColumnElement<?>> columns, Dialect dialect) {
        ResultCache cache = resultCache;
        if (cache != null && cache.dialect == dialect) {
            return cache.columns;
        }
        List<ResultColumn> result = new ArrayList<>(columns.size());
        for (int i = 0; i < columns.size(); i++) {
            ColumnElement<?> column = columns.get(i);
            var type = column.type();
            result.add(new ResultColumn(keys.get(i), type == null ? null : dialect.reader(type), source(column)));
        }
        List<ResultColumn> list = List.copyOf(result);
        resultCache = new ResultCache(dialect, list);
        return list;
    }
}
