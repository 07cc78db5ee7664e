package dev.alchemy.sql;

import java.util.List;

/** Something a SELECT can select FROM: a table, a join, a subquery. */
public interface FromClause extends ClauseElement {

    /** @return the columns it offers, in order */
    List<? extends ColumnElement<?>> exportedColumns();
}
