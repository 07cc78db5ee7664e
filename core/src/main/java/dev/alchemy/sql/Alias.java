package dev.alchemy.sql;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A table under another name, {@code users AS u}: made by {@link TableClause#alias(String)}. Its columns are its own
 * (qualified {@code u.name}) but keep the table's types and foreign keys.
 */
public final class Alias extends TableClause {

    private final TableClause original;
    private final boolean anonymous;

    Alias(TableClause original, @Nullable String alias) {
        super(alias == null ? original.name() : alias, null);
        // an alias of an alias renames the table itself: users AS u2, never users AS u AS u2
        this.original = original instanceof Alias a ? a.original : original;
        this.anonymous = alias == null;
        List<ColumnClause<?>> columns = new ArrayList<>();
        for (ColumnClause<?> c : this.original.columns()) {
            columns.add(new ColumnClause<>(c.name(), TableClause.cast(c.type()), this));
        }
        initColumns(columns);
    }

    /** @return the aliased table */
    public TableClause original() {
        return original;
    }

    @Override
    public List<ForeignKeyColumns> foreignKeyColumns() {
        List<ForeignKeyColumns> result = new ArrayList<>();
        for (ForeignKeyColumns fk : original.foreignKeyColumns()) {
            List<ColumnClause<?>> mine = new ArrayList<>();
            for (ColumnClause<?> c : fk.columns()) {
                mine.add(c(c.name()));
            }
            result.add(new ForeignKeyColumns(mine, fk.referredColumns()));
        }
        return result;
    }

    @Override
    public @Nullable ColumnClause<?> correspondingColumn(ColumnClause<?> column) {
        if (column.table() == this) {
            return column;
        }
        ColumnClause<?> theirs = original.correspondingColumn(column);
        return theirs == null ? null : c(theirs.name());
    }

    @Override
    @Nullable
    String anonymousBase() {
        return anonymous ? original.name() : null;
    }

    @Override
    public void compileTo(SqlCompiler compiler) {
        compiler.visit(original);
        compiler.append(" AS ").append(compiler.quote(compiler.nameOf(this)));
    }
}
