package dev.alchemy.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A SELECT in FROM, {@code (SELECT ...) AS name}, used like a table: made by {@link SelectStatement#subquery(String)}.
 * Its columns are named by the SELECT's row keys ({@code sub.c("user_id")}, {@code sub.c("count_1")} for an
 * unlabelled {@code func.count()}), and every column inside is labelled with that name.
 *
 * <pre>{@code
 * Subquery counts = select(addresses.c("user_id"), func.count().label("cnt"))
 *         .groupBy(addresses.c("user_id"))
 *         .subquery("ac");
 * select(users.c("name"), counts.c("cnt")).join(counts, users.c("id").eq(counts.c("user_id")));
 * }</pre>
 */
public final class Subquery extends TableClause {

    private final SelectStatement select;
    private final boolean anonymous;

    Subquery(SelectStatement select, @Nullable String name) {
        super(name == null ? "anon" : name, null);
        this.select = Objects.requireNonNull(select, "select");
        this.anonymous = name == null;
        initColumns(derivedColumns(this, select));
    }

    static List<ColumnClause<?>> derivedColumns(TableClause owner, SelectStatement select) {
        List<String> keys = select.columnKeys();
        List<ColumnElement<?>> columns = select.columns();
        List<ColumnClause<?>> result = new ArrayList<>(keys.size());
        for (int i = 0; i < keys.size(); i++) {
            result.add(new ColumnClause<>(
                    keys.get(i), TableClause.cast(columns.get(i).type()), owner));
        }
        return result;
    }

    /** @return the SELECT inside */
    public SelectStatement select() {
        return select;
    }

    /** @return the same SELECT as a subquery under another name */
    @Override
    public TableClause alias(String alias) {
        return new Subquery(select, Objects.requireNonNull(alias, "alias"));
    }

    @Override
    public TableClause alias() {
        return new Subquery(select, null);
    }

    /** The subquery's column for one of the SELECT's columns (or a column of a table it selects). */
    @Override
    public @Nullable ColumnClause<?> correspondingColumn(ColumnClause<?> column) {
        return corresponding(this, select, column);
    }

    static @Nullable ColumnClause<?> corresponding(TableClause owner, SelectStatement select, ColumnClause<?> column) {
        if (column.table() == owner) {
            return column;
        }
        List<ColumnElement<?>> columns = select.columns();
        for (int i = 0; i < columns.size(); i++) {
            ColumnElement<?> c = columns.get(i);
            ColumnElement<?> inner = c instanceof Label<?> l ? l.element() : c;
            if (inner.equals(column)
                    || (inner instanceof ColumnClause<?> cc
                            && cc.table() != null
                            && cc.table().correspondingColumn(column) == cc)) {
                return owner.columns().get(i);
            }
        }
        return null;
    }

    /** The foreign keys of the selected tables whose columns the subquery exports, so it joins like a table. */
    @Override
    public List<ForeignKeyColumns> foreignKeyColumns() {
        return foreignKeys(this, select);
    }

    static List<ForeignKeyColumns> foreignKeys(TableClause owner, SelectStatement select) {
        List<ForeignKeyColumns> result = new ArrayList<>();
        List<TableClause> seen = new ArrayList<>();
        for (ColumnElement<?> c : select.columns()) {
            ColumnElement<?> inner = c instanceof Label<?> l ? l.element() : c;
            if (inner instanceof ColumnClause<?> cc && cc.table() != null && !seen.contains(cc.table())) {
                seen.add(cc.table());
                for (ForeignKeyColumns fk : cc.table().foreignKeyColumns()) {
                    List<ColumnClause<?>> mine = new ArrayList<>();
                    for (ColumnClause<?> fkColumn : fk.columns()) {
                        ColumnClause<?> exported = corresponding(owner, select, fkColumn);
                        if (exported == null) {
                            break;
                        }
                        mine.add(exported);
                    }
                    if (mine.size() == fk.columns().size()) {
                        result.add(new ForeignKeyColumns(mine, fk.referredColumns()));
                    }
                }
            }
        }
        return result;
    }

    @Override
    @Nullable
    String anonymousBase() {
        return anonymous ? "anon" : null;
    }

    @Override
    public void compileTo(SqlCompiler compiler) {
        compiler.append("(");
        compiler.subqueryBody(select);
        compiler.append(") AS ").append(compiler.quote(compiler.nameOf(this)));
    }
}
