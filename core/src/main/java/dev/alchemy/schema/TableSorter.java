package dev.alchemy.schema;

import dev.alchemy.exc.NoReferencedColumnError;
import dev.alchemy.exc.NoReferencedTableError;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Orders tables so that each comes after the tables its foreign keys refer to, as SQLAlchemy's
 * {@code sort_tables_and_constraints} does: repeatedly take, in input order, every table whose parents are all
 * placed. Foreign keys marked {@code useAlter} do not order (when creating), and when tables form a cycle every
 * foreign key of every table in the cycle stops ordering; those foreign keys are returned apart, for
 * {@code ALTER TABLE}.
 */
final class TableSorter {

    /** A foreign key and the table that has it. */
    record TableForeignKey(Table table, ForeignKeyConstraint foreignKey) {}

    /**
     * The order and the foreign keys left out of it.
     *
     * @param tables the tables, parents first
     * @param apart the foreign keys that did not order the tables (cycles, {@code useAlter}), in table order
     * @param cycles the tables of each cycle found, in input order
     */
    record Sorted(List<Table> tables, List<TableForeignKey> apart, List<List<Table>> cycles) {}

    private TableSorter() {}

    /**
     * @param input the tables, in the order ties are broken
     * @param honourUseAlter whether {@code useAlter} foreign keys are left out of the ordering (creating)
     */
    static Sorted sort(List<Table> input, boolean honourUseAlter) {
        Set<Table> set = new LinkedHashSet<>(input);
        Map<Table, Set<Table>> parents = new IdentityHashMap<>();
        Set<ForeignKeyConstraint> apart = newIdentitySet();
        for (Table t : input) {
            Set<Table> p = new LinkedHashSet<>();
            for (ForeignKeyConstraint fk : t.foreignKeys()) {
                Table target = resolve(t, fk);
                if (honourUseAlter && fk.useAlter()) {
                    apart.add(fk);
                } else if (target != t && set.contains(target)) {
                    p.add(target);
                }
            }
            parents.put(t, p);
        }
        List<List<Table>> cycles = new ArrayList<>();
        List<Table> order = kahn(input, parents);
        if (order.size() < input.size()) {
            Set<Table> stuck = new LinkedHashSet<>(input);
            order.forEach(stuck::remove);
            for (List<Table> cycle : cycles(input, stuck, parents)) {
                cycles.add(cycle);
                for (Table t : cycle) {
                    parentsOf(parents, t).clear();
                    apart.addAll(t.foreignKeys());
                }
            }
            order = kahn(input, parents);
        }
        List<TableForeignKey> apartList = new ArrayList<>();
        for (Table t : order) {
            for (ForeignKeyConstraint fk : t.foreignKeys()) {
                if (apart.contains(fk)) {
                    apartList.add(new TableForeignKey(t, fk));
                }
            }
        }
        return new Sorted(List.copyOf(order), List.copyOf(apartList), List.copyOf(cycles));
    }

    private static Set<ForeignKeyConstraint> newIdentitySet() {
        return java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    }

    /** SQLAlchemy's {@code sort_as_subsets}: each round takes, in input order, every table whose parents are placed. */
    private static List<Table> kahn(List<Table> input, Map<Table, Set<Table>> parents) {
        List<Table> order = new ArrayList<>();
        Set<Table> todo = new LinkedHashSet<>(input);
        while (!todo.isEmpty()) {
            List<Table> round = new ArrayList<>();
            for (Table t : todo) {
                boolean ready = true;
                for (Table p : parentsOf(parents, t)) {
                    if (todo.contains(p)) {
                        ready = false;
                        break;
                    }
                }
                if (ready) {
                    round.add(t);
                }
            }
            if (round.isEmpty()) {
                break;
            }
            round.forEach(todo::remove);
            order.addAll(round);
        }
        return order;
    }

    /** The strongly connected components of more than one table among the stuck ones (Tarjan), in input order. */
    private static List<List<Table>> cycles(List<Table> input, Set<Table> stuck, Map<Table, Set<Table>> parents) {
        Map<Table, Integer> index = new HashMap<>();
        Map<Table, Integer> low = new HashMap<>();
        Deque<Table> stack = new ArrayDeque<>();
        Set<Table> onStack = new LinkedHashSet<>();
        List<List<Table>> result = new ArrayList<>();
        int[] counter = {0};
        for (Table t : input) {
            if (stuck.contains(t) && !index.containsKey(t)) {
                strongConnect(t, stuck, parents, index, low, stack, onStack, result, counter);
            }
        }
        List<List<Table>> ordered = new ArrayList<>();
        for (List<Table> scc : result) {
            if (scc.size() > 1) {
                List<Table> inInputOrder = new ArrayList<>(input);
                inInputOrder.retainAll(scc);
                ordered.add(inInputOrder);
            }
        }
        ordered.sort((a, b) -> Integer.compare(input.indexOf(a.get(0)), input.indexOf(b.get(0))));
        return ordered;
    }

    @SuppressWarnings("ParameterNumber")
    private static void strongConnect(
            Table v,
            Set<Table> stuck,
            Map<Table, Set<Table>> parents,
            Map<Table, Integer> index,
            Map<Table, Integer> low,
            Deque<Table> stack,
            Set<Table> onStack,
            List<List<Table>> result,
            int[] counter) {
        index.put(v, counter[0]);
        low.put(v, counter[0]);
        counter[0]++;
        stack.push(v);
        onStack.add(v);
        for (Table w : parentsOf(parents, v)) {
            if (!stuck.contains(w)) {
                continue;
            }
            if (!index.containsKey(w)) {
                strongConnect(w, stuck, parents, index, low, stack, onStack, result, counter);
                low.put(v, Math.min(valueOf(low, v), valueOf(low, w)));
            } else if (onStack.contains(w)) {
                low.put(v, Math.min(valueOf(low, v), valueOf(index, w)));
            }
        }
        if (low.get(v).equals(index.get(v))) {
            List<Table> scc = new ArrayList<>();
            Table w;
            do {
                w = stack.pop();
                onStack.remove(w);
                scc.add(w);
            } while (w != v);
            result.add(scc);
        }
    }

    /**
     * The table a foreign key refers to, with its columns checked.
     *
     * @throws NoReferencedTableError when the MetaData has no such table
     * @throws NoReferencedColumnError when that table lacks a referred column
     */
    static Table resolve(Table table, ForeignKeyConstraint fk) {
        MetaData metadata = table.metadata();
        Table target = metadata.table(fk.referredTable());
        if (target == null) {
            throw new NoReferencedTableError("foreign key " + fk.columns() + " of table '" + table.fullName()
                    + "' refers to table '" + fk.referredTable() + "', which is not in this MetaData; its tables: "
                    + metadata.tableNames());
        }
        for (String column : fk.referredColumns()) {
            if (!target.hasColumn(column)) {
                throw new NoReferencedColumnError("foreign key " + fk.columns() + " of table '" + table.fullName()
                        + "' refers to column '" + target.fullName() + "." + column
                        + "', which that table does not have; its columns: "
                        + target.columns().stream().map(Column::name).toList());
            }
        }
        return target;
    }

    /** @return the names of the tables in each cycle, for messages: {@code "a, b"} */
    static String describe(List<Table> cycle) {
        Map<String, Boolean> names = new LinkedHashMap<>();
        cycle.forEach(t -> names.put(t.fullName(), true));
        return String.join(", ", names.keySet());
    }

    /** Every table of the input has an entry (filled before the sort), so a missing one is a bug here. */
    private static <K, V> V parentsOf(java.util.Map<K, V> parents, K table) {
        return java.util.Objects.requireNonNull(parents.get(table), "no entry for a table of the input");
    }

    private static <K> int valueOf(java.util.Map<K, Integer> numbers, K table) {
        return java.util.Objects.requireNonNull(numbers.get(table), "not numbered yet");
    }
}
