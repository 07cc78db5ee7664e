package dev.alchemy.sql;

import dev.alchemy.exc.ArgumentError;
import java.util.List;

/**
 * One foreign key of a table as column pairs: {@code columns.get(i)} refers to {@code referredColumns.get(i)}. A join
 * without an ON clause is made from the single foreign key between its two sides ({@link
 * TableClause#foreignKeyColumns()}).
 *
 * @param columns the referring columns, of the table that has the foreign key
 * @param referredColumns the columns they refer to, of another (or the same) table
 */
public record ForeignKeyColumns(List<ColumnClause<?>> columns, List<ColumnClause<?>> referredColumns) {

    /** Copies the lists and checks they pair up. */
    public ForeignKeyColumns {
        columns = List.copyOf(columns);
        referredColumns = List.copyOf(referredColumns);
        if (columns.isEmpty() || columns.size() != referredColumns.size()) {
            throw new ArgumentError("a foreign key pairs each of its columns with one referred column; got " + columns
                    + " and " + referredColumns);
        }
    }
}
