package dev.alchemy.sql;

import dev.alchemy.exc.ArgumentError;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * {@code left [LEFT OUTER | FULL OUTER] JOIN right ON onclause}. Made by {@link FromClause#join(FromClause)} and its
 * siblings, or by {@link Select#join(FromClause)}.
 *
 * @param left the left side
 * @param right the right side
 * @param onclause the join condition
 * @param isOuter a LEFT OUTER (or, with {@code full}, FULL OUTER) join
 * @param full a FULL OUTER join
 */
public record Join(FromClause left, FromClause right, ColumnElement<Boolean> onclause, boolean isOuter, boolean full)
        implements FromClause {

    /** Checks the parts. */
    public Join {
        Objects.requireNonNull(left, "left");
        Objects.requireNonNull(right, "right");
        Objects.requireNonNull(onclause, "onclause");
    }

    static Join inferred(FromClause left, FromClause right, boolean isOuter, boolean full) {
        return new Join(left, right, onclause(left, right), isOuter, full);
    }

    /**
     * The ON clause of a join from the foreign keys between its sides, as SQLAlchemy infers it: the right side's
     * tables are tried against the left side's, the left's right-most table first; the first pair with exactly one
     * foreign key between them decides ({@code users.id = addresses.user_id}, referred column first).
     *
     * @param left the left side
     * @param right the right side
     * @return the condition
     * @throws ArgumentError naming both sides when no pair, or an ambiguous pair, is found
     */
    static ColumnElement<Boolean> onclause(FromClause left, FromClause right) {
        Objects.requireNonNull(left, "left");
        Objects.requireNonNull(right, "right");
        List<TableClause> lefts = tablesOf(left);
        List<TableClause> rights = tablesOf(right);
        for (int r = rights.size() - 1; r >= 0; r--) {
            TableClause b = rights.get(r);
            for (int l = lefts.size() - 1; l >= 0; l--) {
                TableClause a = lefts.get(l);
                List<ColumnElement<Boolean>> found = conditions(a, b);
                if (found.size() == 1) {
                    return found.get(0);
                }
                if (found.size() > 1) {
                    throw new ArgumentError("can't determine the join between '" + describe(a) + "' and '"
                            + describe(b) + "': they have " + found.size()
                            + " foreign keys between them; give the ON clause explicitly, e.g. "
                            + "join(right, left.c(\"id\").eq(right.c(\"left_id\")))");
                }
            }
        }
        throw new ArgumentError("can't find any foreign key between '" + describe(left) + "' and '" + describe(right)
                + "'; give the ON clause explicitly, e.g. join(right, left.c(\"id\").eq(right.c(\"left_id\")))");
    }

    private static List<ColumnElement<Boolean>> conditions(TableClause a, TableClause b) {
        List<ColumnElement<Boolean>> found = new ArrayList<>();
        addConditions(b, a, found);
        if (a != b) {
            addConditions(a, b, found);
        }
        return found;
    }

    /** Adds {@code referred = referring} for each foreign key of {@code referring} that points into {@code referred}. */
    private static void addConditions(TableClause referring, TableClause referred, List<ColumnElement<Boolean>> found) {
        for (ForeignKeyColumns fk : referring.foreignKeyColumns()) {
            List<ColumnElement<Boolean>> pairs = new ArrayList<>(fk.columns().size());
            for (int i = 0; i < fk.columns().size(); i++) {
                ColumnClause<?> target =
                        referred.correspondingColumn(fk.referredColumns().get(i));
                if (target == null) {
                    break;
                }
                pairs.add(BinaryExpression.compare(target, "=", fk.columns().get(i)));
            }
            if (pairs.size() == fk.columns().size()) {
                found.add(pairs.size() == 1 ? pairs.get(0) : BooleanClauseList.and(pairs));
            }
        }
    }

    /**
     * @param from a FROM clause
     * @return the tables (aliases, subqueries) it is made of, left to right
     */
    static List<TableClause> tablesOf(FromClause from) {
        List<TableClause> tables = new ArrayList<>();
        addTables(from, tables);
        return tables;
    }

    private static void addTables(FromClause from, List<TableClause> tables) {
        if (from instanceof Join join) {
            addTables(join.left, tables);
            addTables(join.right, tables);
        } else if (from instanceof TableClause table) {
            tables.add(table);
        }
    }

    private static String describe(FromClause from) {
        if (from instanceof TableClause t) {
            return t.name();
        }
        List<String> names = new ArrayList<>();
        for (TableClause t : tablesOf(from)) {
            names.add(t.name());
        }
        return String.join(" JOIN ", names);
    }

    @Override
    public List<? extends ColumnElement<?>> exportedColumns() {
        List<ColumnElement<?>> columns = new ArrayList<>(left.exportedColumns());
        columns.addAll(right.exportedColumns());
        return columns;
    }

    @Override
    public void compileTo(SqlCompiler compiler) {
        compiler.visit(left);
        compiler.append(full ? " FULL OUTER JOIN " : isOuter ? " LEFT OUTER JOIN " : " JOIN ");
        boolean nested = right instanceof Join;
        if (nested) {
            compiler.append("(");
        }
        compiler.visit(right);
        if (nested) {
            compiler.append(")");
        }
        compiler.append(" ON ");
        compiler.condition(onclause);
    }

    @Override
    public String toString() {
        return SqlCompiler.toSql(this);
    }
}
