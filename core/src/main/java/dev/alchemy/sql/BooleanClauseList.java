package dev.alchemy.sql;

import dev.alchemy.types.SqlType;
import dev.alchemy.types.SqlTypes;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Conditions joined by AND or OR. Nested lists of the same operator are flattened, an OR inside an AND is
 * parenthesised, and the constants {@code true_()}/{@code false_()} are simplified away as SQLAlchemy does
 * ({@code and(true_(), x)} is {@code x}, {@code or(false_(), x)} is {@code x}).
 *
 * @param operator {@code AND} or {@code OR}
 * @param clauses the conditions
 */
public record BooleanClauseList(String operator, List<ColumnElement<Boolean>> clauses)
        implements ColumnElement<Boolean> {

    /** Copies the list. */
    public BooleanClauseList {
        Objects.requireNonNull(operator, "operator");
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
        // AND drops true and is decided by false; OR the other way round
        boolean neutral = operator.equals("AND");
        List<ColumnElement<Boolean>> flat = new ArrayList<>(clauses.size());
        for (ColumnElement<Boolean> c : clauses) {
            Objects.requireNonNull(c, "condition");
            if (c instanceof BooleanClauseList list && list.operator.equals(operator)) {
                flat.addAll(list.clauses);
            } else if (c instanceof BooleanConstant constant) {
                if (constant.value() != neutral) {
                    return List.of(constant);
                }
            } else {
                flat.add(c);
            }
        }
        if (flat.isEmpty() && !clauses.isEmpty()) {
            flat.add(BooleanConstant.of(neutral));
        }
        return flat;
    }

    @Override
    public @Nullable SqlType<Boolean> type() {
        return SqlTypes.BOOLEAN;
    }

    @Override
    public void collectFroms(Consumer<? super FromClause> froms) {
        for (ColumnElement<Boolean> c : clauses) {
            c.collectFroms(froms);
        }
    }

    @Override
    public void compileTo(SqlCompiler compiler) {
        for (int i = 0; i < clauses.size(); i++) {
            if (i > 0) {
                compiler.append(" ").append(operator).append(" ");
            }
            ColumnElement<Boolean> clause = clauses.get(i);
            boolean parens = Precedence.needsGrouping(clause, operator);
            if (parens) {
                compiler.append("(");
            }
            compiler.condition(clause);
            if (parens) {
                compiler.append(")");
            }
        }
    }

    @Override
    public String toString() {
        return SqlCompiler.toSql(this);
    }
}
