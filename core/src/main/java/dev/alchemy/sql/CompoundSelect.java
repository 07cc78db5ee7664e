package dev.alchemy.sql;

import dev.alchemy.dialect.Dialect;
import dev.alchemy.engine.CompiledStatement;
import dev.alchemy.engine.EngineDialect;
import dev.alchemy.exc.ArgumentError;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * SELECTs combined by UNION, UNION ALL, INTERSECT or EXCEPT, immutable, orderable and limitable as a whole:
 *
 * <pre>{@code
 * union(select(users.c("id")).where(users.c("age").lt(10)), select(users.c("id")).where(users.c("age").gt(90)))
 *         .orderBy(users.c("id"))    // ORDER BY id: a compound orders by the result's column names
 *         .limit(5);
 * }</pre>
 *
 * <p>A member with its own ORDER BY or LIMIT, or a nested compound of another kind, is parenthesised; on SQLite,
 * which cannot parse that, it is written {@code SELECT * FROM (member)} instead.
 */
public final class CompoundSelect implements SelectStatement {

    private final String keyword;
    private final List<SelectStatement> selects;
    private final List<OrderByElement> orderBy;
    private final @Nullable Integer limit;
    private final @Nullable Integer offset;

    private CompoundSelect(
            String keyword,
            List<SelectStatement> selects,
            List<OrderByElement> orderBy,
            @Nullable Integer limit,
            @Nullable Integer offset) {
        this.keyword = keyword;
        this.selects = List.copyOf(selects);
        this.orderBy = List.copyOf(orderBy);
        this.limit = limit;
        this.offset = offset;
    }

    /**
     * Combines SELECTs; a first member that is the same kind of compound without ORDER BY or LIMIT is extended
     * rather than nested ({@code a UNION b UNION c}).
     *
     * @param keyword {@code UNION}, {@code UNION ALL}, {@code INTERSECT}, {@code INTERSECT ALL}, {@code EXCEPT} or
     *     {@code EXCEPT ALL}
     * @param first the first SELECT
     * @param others the others
     * @return the compound
     */
    public static CompoundSelect of(String keyword, SelectStatement first, SelectStatement... others) {
        Objects.requireNonNull(keyword, "keyword");
        Objects.requireNonNull(first, "first");
        if (others.length == 0) {
            throw new ArgumentError(keyword + " needs at least two SELECTs");
        }
        List<SelectStatement> list = new ArrayList<>();
        if (first instanceof CompoundSelect c && c.keyword.equals(keyword) && !c.hasOrderOrLimit()) {
            list.addAll(c.selects);
        } else {
            list.add(first);
        }
        int width = first.columns().size();
        for (SelectStatement s : others) {
            Objects.requireNonNull(s, "select");
            if (s.columns().size() != width) {
                throw new ArgumentError("all SELECTs of a " + keyword + " must have the same number of columns; "
                        + width + " and " + s.columns().size() + " differ");
            }
            list.add(s);
        }
        return new CompoundSelect(keyword, list, List.of(), null, null);
    }

    /**
     * Adds ORDER BY items; columns are written by their name in the result ({@code ORDER BY id}).
     *
     * @param items columns, expressions or {@code col.desc()}
     * @return the changed copy
     */
    public CompoundSelect orderBy(ClauseElement... items) {
        return new CompoundSelect(keyword, selects, Select.orderByList(orderBy, items), limit, offset);
    }

    /**
     * @param limit the most rows to return
     * @return the changed copy
     */
    public CompoundSelect limit(int limit) {
        if (limit < 0) {
            throw new ArgumentError("limit must be zero or more, was " + limit);
        }
        return new CompoundSelect(keyword, selects, orderBy, limit, offset);
    }

    /**
     * @param offset how many rows to skip
     * @return the changed copy
     */
    public CompoundSelect offset(int offset) {
        if (offset < 0) {
            throw new ArgumentError("offset must be zero or more, was " + offset);
        }
        return new CompoundSelect(keyword, selects, orderBy, limit, offset);
    }

    /** @return the operator: {@code UNION}, {@code UNION ALL}, ... */
    public String keyword() {
        return keyword;
    }

    /** @return the combined SELECTs */
    public List<SelectStatement> selects() {
        return selects;
    }

    @Override
    public List<ColumnElement<?>> columns() {
        return selects.get(0).columns();
    }

    @Override
    public List<String> columnKeys() {
        return selects.get(0).columnKeys();
    }

    boolean hasOrderOrLimit() {
        return !orderBy.isEmpty() || limit != null || offset != null;
    }

    @Override
    public CompiledStatement compile(EngineDialect dialect) {
        return SqlCompiler.compile(this, Dialect.of(dialect));
    }

    @Override
    public void compileTo(SqlCompiler compiler) {
        boolean labelAll = compiler.takeLabelAll();
        boolean top = compiler.enterStatement();
        SelectStatement first = selects.get(0);
        if (top && first instanceof Select s) {
            compiler.declareResultColumns(s.names().resultColumns(s.columns(), compiler.dialect()));
        }
        for (int i = 0; i < selects.size(); i++) {
            if (i > 0) {
                compiler.append(" ").append(keyword).append(" ");
            }
            SelectStatement member = selects.get(i);
            boolean grouped = member instanceof CompoundSelect || (member instanceof Select s && s.hasOrderOrLimit());
            boolean parens = grouped && compiler.dialect().supportsParenthesizedSetOperands();
            if (grouped) {
                compiler.append(parens ? "(" : "SELECT * FROM (");
            }
            compiler.setLabelAll(labelAll);
            compiler.visit(member);
            if (grouped) {
                compiler.append(")");
            }
        }
        if (!orderBy.isEmpty()) {
            compiler.append(" ORDER BY ");
            boolean before = compiler.setQualifyColumns(false);
            for (int i = 0; i < orderBy.size(); i++) {
                if (i > 0) {
                    compiler.append(", ");
                }
                OrderByElement o = orderBy.get(i);
                if (o.element() instanceof Label<?> l) {
                    compiler.append(compiler.quote(l.name()));
                    o.compileModifiers(compiler);
                } else {
                    compiler.visit(o);
                }
            }
            compiler.setQualifyColumns(before);
        }
        if (limit != null || offset != null) {
            compiler.dialect().renderLimitOffset(compiler, limit, offset);
        }
        compiler.exitStatement();
    }

    @Override
    public String toString() {
        return SqlCompiler.toSql(this);
    }
}
