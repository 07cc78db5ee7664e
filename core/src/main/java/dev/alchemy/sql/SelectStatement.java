package dev.alchemy.sql;

import dev.alchemy.engine.Executable;
import java.util.List;

/**
 * What a {@link Select} and a {@link CompoundSelect} (UNION, INTERSECT, EXCEPT) have in common: they return rows, and
 * can be used inside other statements as a subquery, a CTE, a scalar value or an EXISTS.
 */
public sealed interface SelectStatement extends Executable, ClauseElement permits Select, CompoundSelect {

    /** @return true, for a compound; a {@link Select} says false when it locks rows ({@code FOR UPDATE}) */
    @Override
    default boolean isSelect() {
        return true;
    }

    /** @return the selected expressions (of the first SELECT, for a compound) */
    List<ColumnElement<?>> columns();

    /**
     * The names rows use for the columns, in order: a column's name, a label, or the compiler's {@code count_1},
     * {@code anon_1} for unnamed expressions; duplicates are made unique ({@code id_1}), as in SQLAlchemy.
     *
     * @return the keys
     */
    List<String> columnKeys();

    /**
     * This statement as a named subquery in FROM: {@code (SELECT ...) AS name}, whose columns are {@code
     * subquery.c("key")}.
     *
     * @param name the alias
     * @return the subquery
     */
    default Subquery subquery(String name) {
        return new Subquery(this, name);
    }

    /** @return this statement as a subquery named by the compiler ({@code anon_1}) */
    default Subquery subquery() {
        return new Subquery(this, null);
    }

    /**
     * This statement as a common table expression, {@code WITH name AS (SELECT ...)}, used like a table.
     *
     * @param name the CTE's name
     * @return the CTE
     */
    default Cte cte(String name) {
        return new Cte(this, name, false);
    }

    /** @return this statement as a common table expression named by the compiler ({@code anon_1}) */
    default Cte cte() {
        return new Cte(this, null, false);
    }

    /**
     * This statement as a recursive common table expression, {@code WITH RECURSIVE name(cols) AS (...)}; complete it
     * with {@link Cte#unionAll(SelectStatement)} of a SELECT that joins the CTE itself.
     *
     * @param name the CTE's name
     * @return the CTE
     */
    default Cte recursiveCte(String name) {
        return new Cte(this, name, true);
    }

    /**
     * This statement as a single value inside another statement, {@code (SELECT ...)}; it correlates to the enclosing
     * statement's tables.
     *
     * @param <T> the value's Java type
     * @return the scalar subquery
     */
    @SuppressWarnings("unchecked")
    default <T> ColumnElement<T> scalarSubquery() {
        return new ScalarSelect<>(
                this, (dev.alchemy.types.SqlType<T>) columns().get(0).type());
    }

    /** @return {@code EXISTS (this)} */
    default Exists exists() {
        return new Exists(this);
    }

    /**
     * {@code this UNION other ...}.
     *
     * @param others further SELECTs
     * @return the compound
     */
    default CompoundSelect union(SelectStatement... others) {
        return CompoundSelect.of("UNION", this, others);
    }

    /**
     * {@code this UNION ALL other ...}.
     *
     * @param others further SELECTs
     * @return the compound
     */
    default CompoundSelect unionAll(SelectStatement... others) {
        return CompoundSelect.of("UNION ALL", this, others);
    }

    /**
     * {@code this INTERSECT other ...}.
     *
     * @param others further SELECTs
     * @return the compound
     */
    default CompoundSelect intersect(SelectStatement... others) {
        return CompoundSelect.of("INTERSECT", this, others);
    }

    /**
     * {@code this INTERSECT ALL other ...} (PostgreSQL).
     *
     * @param others further SELECTs
     * @return the compound
     */
    default CompoundSelect intersectAll(SelectStatement... others) {
        return CompoundSelect.of("INTERSECT ALL", this, others);
    }

    /**
     * {@code this EXCEPT other ...}, SQLAlchemy's {@code except_}.
     *
     * @param others further SELECTs
     * @return the compound
     */
    default CompoundSelect except(SelectStatement... others) {
        return CompoundSelect.of("EXCEPT", this, others);
    }

    /**
     * {@code this EXCEPT ALL other ...} (PostgreSQL).
     *
     * @param others further SELECTs
     * @return the compound
     */
    default CompoundSelect exceptAll(SelectStatement... others) {
        return CompoundSelect.of("EXCEPT ALL", this, others);
    }
}
