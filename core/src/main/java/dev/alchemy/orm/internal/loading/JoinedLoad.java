package dev.alchemy.orm.internal.loading;

import dev.alchemy.orm.Loading;
import dev.alchemy.orm.internal.mapping.Attribute;
import dev.alchemy.orm.internal.mapping.Mapper;
import dev.alchemy.orm.internal.mapping.RelationshipProperty;
import dev.alchemy.orm.internal.mapping.RelationshipProperty.Kind;
import dev.alchemy.schema.Table;
import dev.alchemy.sql.ColumnElement;
import dev.alchemy.sql.Select;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Joined eager loading: the relationships loaded with {@link Loading#JOINED} are LEFT OUTER JOINed to the owners'
 * SELECT and their columns added after the owners', so one statement returns both. Each related table may be joined
 * once per statement (no aliases yet); a second join to the same table, and any statement with LIMIT or OFFSET
 * (where the limit must count owners, not joined rows), loads those relationships with one more IN query instead.
 */
public final class JoinedLoad {

    /** A relationship joined into the statement, and where its columns start in each row. */
    public record Joined(RelationshipProperty relationship, int offset) {}

    public final Select select;
    public final List<Joined> joined;

    private JoinedLoad(Select select, List<Joined> joined) {
        this.select = select;
        this.joined = joined;
    }

    /** @return the plan, or null when no relationship is loaded JOINED (the common case: nothing to build) */
    public static @Nullable JoinedLoad plan(
            Mapper<?> mapper,
            Select base,
            LoaderOptions options,
            @Nullable Function<Mapper<?>, @Nullable ColumnElement<Boolean>> criteria) {
        boolean any = false;
        for (RelationshipProperty r : mapper.relationshipArray) {
            r.resolve();
            if (RelationshipLoader.effective(r, options.loading(r.name)) == Loading.JOINED) {
                any = true;
                break;
            }
        }
        if (!any) {
            return null;
        }
        List<Joined> joined = new ArrayList<>();
        if (base.limitValue() != null || base.offsetValue() != null) {
            return new JoinedLoad(base, joined);
        }
        Set<String> tables = new HashSet<>();
        tables.add(mapper.table.fullName());
        Select select = base;
        int offset = mapper.layout.width();
        for (RelationshipProperty r : mapper.relationships) {
            r.resolve();
            if (RelationshipLoader.effective(r, options.loading(r.name)) != Loading.JOINED) {
                continue;
            }
            Table target = r.target.table;
            if (r.target.isJoined() || !tables.add(target.fullName())) {
                // the same table twice would need an alias, a joined-table hierarchy a join inside the outer join:
                // loaded by selectin instead
                continue;
            }
            select = select.addColumns(target.columns().toArray(new dev.alchemy.sql.ClauseElement[0]));
            // the target's loader criteria (soft delete, tenant) join the ON clause: an owner whose related rows
            // they leave out still loads, with fewer (or no) related objects
            ColumnElement<Boolean> only = criteria == null ? null : criteria.apply(r.target);
            ColumnElement<Boolean> identity = r.target.identityCondition(); // a subclass in its base's table
            if (identity != null) {
                only = only == null ? identity : identity.and(only);
            }
            if (r.kind == Kind.MANY_TO_MANY) {
                Table secondary = r.secondaryTable();
                if (!tables.add(secondary.fullName())) {
                    continue;
                }
                ColumnElement<Boolean> second = key(target, r.foreignKey).eq(secondary.c(r.inverseColumn()));
                select = select.outerJoin(
                                secondary, mapper.column(r.referredKey).eq(secondary.c(r.joinColumn())))
                        .outerJoin(target, only == null ? second : second.and(only));
            } else {
                select = select.outerJoin(target, only == null ? on(r) : on(r).and(only));
            }
            joined.add(new Joined(r, offset));
            offset += r.target.layout.width();
        }
        // SQLAlchemy's joinedload appends each relationship's order_by to the statement's ORDER BY: the collection
        // is filled in row order, which the database otherwise leaves open (PostgreSQL showed it)
        for (Joined j : joined) {
            RelationshipProperty r = j.relationship();
            for (String spec : r.orderBy) {
                boolean desc = spec.startsWith("-");
                Attribute a = r.target.attribute(desc ? spec.substring(1) : spec);
                ColumnElement<Object> column = r.target.column(a);
                select = select.orderBy(desc ? column.desc() : column);
            }
        }
        return new JoinedLoad(select, joined);
    }

    /**
     * Joins a relationship's table (and association table) to a SELECT of its owners: {@code query.join(User::getAddresses)}.
     *
     * @param select the owners' SELECT
     * @param r the relationship
     * @param outer LEFT OUTER JOIN instead of JOIN
     * @return the joined SELECT
     */
    public static Select join(Select select, RelationshipProperty r, boolean outer) {
        r.resolve();
        if (r.target == r.owner) {
            throw new dev.alchemy.exc.ArgumentError(r + " is self-referential; joining it needs a table alias: join an "
                    + "aliased table with an explicit ON clause instead");
        }
        Table target = r.target.table;
        if (r.kind == Kind.MANY_TO_MANY) {
            Table secondary = r.secondaryTable();
            ColumnElement<Boolean> first = r.owner.column(r.referredKey).eq(secondary.c(r.joinColumn()));
            ColumnElement<Boolean> second = key(target, r.foreignKey).eq(secondary.c(r.inverseColumn()));
            if (r.target.identityCondition() != null) {
                second = second.and(r.target.identityCondition());
            }
            return outer
                    ? select.outerJoin(secondary, first).outerJoin(target, second)
                    : select.join(secondary, first).join(target, second);
        }
        ColumnElement<Boolean> on = on(r);
        ColumnElement<Boolean> identity = r.target.identityCondition(); // a subclass in its base's table
        if (identity != null) {
            on = on.and(identity);
        }
        return outer ? select.outerJoin(target, on) : select.join(target, on);
    }

    public static ColumnElement<Boolean> on(RelationshipProperty r) {
        if (r.kind == Kind.MANY_TO_ONE) {
            return r.target.column(r.referredKey).eq(r.owner.column(r.foreignKey));
        }
        return r.owner.column(r.referredKey).eq(r.target.column(r.foreignKey));
    }

    private static ColumnElement<Object> key(Table table, Attribute a) {
        return table.c(a.columnName);
    }
}
