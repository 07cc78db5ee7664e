package dev.alchemy.sql;

/**
 * Operator precedence, as SQLAlchemy's {@code operators._PRECEDENCE} has it: an operand is parenthesised when its own
 * operator binds no tighter than the one it stands under ({@code (a - b) - c}, {@code (a OR b) AND c}), except that
 * associative operators chain without parentheses ({@code a + b + c}, {@code a AND b AND c}).
 */
final class Precedence {

    static final int ATOM = 100;
    static final int MULTIPLY = 8;
    static final int ADD = 7;
    static final int COMPARE = 5;
    static final int NOT = 4;
    static final int AND = 3;
    static final int OR = 2;

    private Precedence() {}

    /**
     * @param operator a binary operator's SQL text
     * @return its precedence
     */
    static int ofOperator(String operator) {
        return switch (operator) {
            case "*", "/", "%" -> MULTIPLY;
            case "+", "-" -> ADD;
            case "AND" -> AND;
            case "OR" -> OR;
            // ||, comparisons, LIKE, IS, and custom operators
            default -> COMPARE;
        };
    }

    /**
     * @param operator a binary operator's SQL text
     * @return whether {@code (a op b) op c} equals {@code a op (b op c)}, so that chains need no parentheses
     */
    static boolean isAssociative(String operator) {
        return switch (operator) {
            case "+", "*", "||", "AND", "OR" -> true;
            default -> false;
        };
    }

    /**
     * @param element an expression
     * @return the precedence of its outermost operator, {@link #ATOM} when it has none or brings its own parentheses
     */
    static int of(ColumnElement<?> element) {
        if (element instanceof BinaryExpression<?> b) {
            return ofOperator(b.operator());
        }
        if (element instanceof BooleanClauseList list) {
            return list.clauses().size() < 2 ? ATOM : ofOperator(list.operator());
        }
        if (element instanceof Like like) {
            return like.grouped() ? ATOM : COMPARE;
        }
        if (element instanceof InList in) {
            return in.negated() ? ATOM : COMPARE;
        }
        if (element instanceof InSelect in) {
            return in.negated() ? ATOM : COMPARE;
        }
        if (element instanceof Between || element instanceof UnaryExpression<?>) {
            return COMPARE;
        }
        if (element instanceof Not) {
            return NOT;
        }
        return ATOM;
    }

    /**
     * @param operand an operand
     * @param operator the operator it stands under
     * @return whether the operand needs parentheses
     */
    static boolean needsGrouping(ColumnElement<?> operand, String operator) {
        int own = of(operand);
        int against = ofOperator(operator);
        if (own > against) {
            return false;
        }
        if (own < against) {
            return true;
        }
        String ownOperator = operand instanceof BinaryExpression<?> b
                ? b.operator()
                : operand instanceof BooleanClauseList l ? l.operator() : null;
        return !(operator.equals(ownOperator) && isAssociative(operator));
    }
}
