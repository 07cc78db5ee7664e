package dev.alchemy.sql;

import java.util.List;
import java.util.Objects;

/**
 * Something a SELECT can select FROM: a table, an alias, a subquery, a CTE, a join. Joins without an ON clause are
 * made from the single foreign key between the two sides:
 *
 * <pre>{@code
 * select(users.c("name"), addresses.c("email_address")).selectFrom(users.join(addresses));
 * // FROM users JOIN addresses ON users.id = addresses.user_id
 * }</pre>
 */
public interface FromClause extends ClauseElement {

    /** @return the columns it offers, in order */
    List<? extends ColumnElement<?>> exportedColumns();

    /**
     * {@code this JOIN right ON ...}, the ON clause made from the single foreign key between the two.
     *
     * @param right the joined table
     * @return the join
     * @throws dev.alchemy.exc.ArgumentError naming both sides when there is no foreign key between them, or more than
     *     one
     */
    default Join join(FromClause right) {
        return Join.inferred(this, right, false, false);
    }

    /**
     * {@code this JOIN right ON onclause}.
     *
     * @param right the joined table
     * @param onclause the join condition
     * @return the join
     */
    default Join join(FromClause right, ColumnElement<Boolean> onclause) {
        return new Join(this, right, Objects.requireNonNull(onclause, "onclause"), false, false);
    }

    /**
     * {@code this LEFT OUTER JOIN right ON ...}, the ON clause made from the single foreign key between the two.
     *
     * @param right the joined table
     * @return the join
     */
    default Join outerJoin(FromClause right) {
        return Join.inferred(this, right, true, false);
    }

    /**
     * {@code this LEFT OUTER JOIN right ON onclause}.
     *
     * @param right the joined table
     * @param onclause the join condition
     * @return the join
     */
    default Join outerJoin(FromClause right, ColumnElement<Boolean> onclause) {
        return new Join(this, right, Objects.requireNonNull(onclause, "onclause"), true, false);
    }

    /**
     * {@code this FULL OUTER JOIN right ON ...} (SQLite 3.39 and later, PostgreSQL).
     *
     * @param right the joined table
     * @return the join
     */
    default Join fullOuterJoin(FromClause right) {
        return Join.inferred(this, right, true, true);
    }

    /**
     * {@code this FULL OUTER JOIN right ON onclause}.
     *
     * @param right the joined table
     * @param onclause the join condition
     * @return the join
     */
    default Join fullOuterJoin(FromClause right, ColumnElement<Boolean> onclause) {
        return new Join(this, right, Objects.requireNonNull(onclause, "onclause"), true, true);
    }
}
