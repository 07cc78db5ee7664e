package dev.alchemy.sql;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A common table expression, {@code WITH name AS (SELECT ...)}, used like a table: made by {@link
 * SelectStatement#cte(String)}. The compiler writes the WITH clause at the start of the statement, however deep the
 * CTE is used.
 *
 * <pre>{@code
 * Cte older = select(users.c("id"), users.c("name")).where(users.c("age").gt(30)).cte("older");
 * select(older.c("name")).where(older.c("id").gt(5));
 *
 * // recursive: the CTE's second part joins the CTE itself
 * Cte tree = select(nodes.c("id"), nodes.c("parent_id")).where(nodes.c("id").eq(1)).recursiveCte("tree");
 * tree = tree.unionAll(select(nodes.c("id"), nodes.c("parent_id"))
 *         .join(tree, nodes.c("parent_id").eq(tree.c("id"))));
 * select(tree.c("id"));
 * }</pre>
 */
public final class Cte extends TableClause {

    private final SelectStatement select;
    private final boolean recursive;
    private final boolean anonymous;
    private final Cte root;

    Cte(SelectStatement select, @Nullable String name, boolean recursive) {
        this(select, name, recursive, null);
    }

    private Cte(SelectStatement select, @Nullable String name, boolean recursive, @Nullable Cte root) {
        super(name == null ? "anon" : name, null);
        this.select = Objects.requireNonNull(select, "select");
        this.recursive = recursive;
        this.anonymous = name == null;
        this.root = root == null ? this : root;
        initColumns(Subquery.derivedColumns(this, select));
    }

    /**
     * The CTE with more SELECTs joined by UNION ALL, the usual second part of a recursive CTE; references to this CTE
     * inside them are references to the CTE itself.
     *
     * @param others the SELECTs
     * @return the completed CTE, under the same name
     */
    public Cte unionAll(SelectStatement... others) {
        return new Cte(select.unionAll(others), anonymous ? null : name(), recursive, root);
    }

    /**
     * The CTE with more SELECTs joined by UNION.
     *
     * @param others the SELECTs
     * @return the completed CTE, under the same name
     */
    public Cte union(SelectStatement... others) {
        return new Cte(select.union(others), anonymous ? null : name(), recursive, root);
    }

    /** @return the CTE's SELECT */
    public SelectStatement select() {
        return select;
    }

    /** @return whether it is {@code WITH RECURSIVE} */
    public boolean isRecursive() {
        return recursive;
    }

    /** @return the CTE this one was made from by {@link #unionAll}: they share one name and one definition */
    Cte root() {
        return root;
    }

    @Override
    public @Nullable ColumnClause<?> correspondingColumn(ColumnClause<?> column) {
        if (column.table() instanceof Cte other && other.root == root && other != this) {
            return c(column.name());
        }
        return Subquery.corresponding(this, select, column);
    }

    @Override
    public List<ForeignKeyColumns> foreignKeyColumns() {
        return Subquery.foreignKeys(this, select);
    }

    @Override
    @Nullable
    String anonymousBase() {
        return anonymous ? "anon" : null;
    }

    @Override
    public void compileTo(SqlCompiler compiler) {
        compiler.registerCte(this);
        compiler.append(compiler.quote(compiler.nameOf(this)));
    }
}
