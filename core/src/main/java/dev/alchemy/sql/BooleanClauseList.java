package dev.alchemy.sql;

import dev.alchemy.types.SqlType;
import dev.alchemy.types.SqlTypes;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Conditions joined by AND or OR. Nested lists of the same operator are flattened; an OR inside an AND is
 * parenthesised.
 *
 * @param operator {@code AND} or {@code OR}
 * @param clauses the conditions
 */
public record BooleanClauseList(String operator, List<ColumnElement<Boolean>> clauses)
        implements ColumnElement<Boolean> {

    /** Copies the list. */
    public BooleanClauseList {
        clauses = List.copyOf(clauses);
    }

    /**
     * @param clauses conditions
     * @return all of them must hold
     */
    public static BooleanClauseList and(List<ColumnElement<Boolean>> clauses) {
        return new BooleanClauseList("AND", flatten("AND", clauses));
    }

    /**
     * @param clauses conditions
     * @return any of them must hold
     */
    public static BooleanClauseList or(List<ColumnElement<Boolean>> clauses) {
        return new BooleanClauseList("OR", flatten("OR", clauses));
    }

    private static List<ColumnElement<Boolean>> flatten(String operator, List<ColumnElement<Boolean>> clauses) {
        List<ColumnElement<Boolean>> flat = new ArrayList<>();
        for (ColumnElement<Boolean> c : clauses) {
            if (c instanceof BooleanClauseList list && list.operator.equals(operator)) {
                flat.addAll(list.clauses);
            } else {
                flat.add(c);
            }
        }
        return flat;
    }

    @Override
    public @Nullable SqlType<Boolean> type() {
        return SqlTypes.BOOLEAN;
    }

    @Override
    public void compileTo(SqlCompiler compiler) {
        for (int i = 0; i < clauses.size(); i++) {
            if (i > 0) {
                compiler.append(" ").append(operator).append(" ");
            }
            ColumnElement<Boolean> clause = clauses.get(i);
            boolean parens = clause instanceof BooleanClauseList && clauses.size() > 1;
            if (parens) {
                compiler.append("(");
            }
            compiler.visit(clause);
            if (parens) {
                compiler.append(")");
            }
        }
    }
}
