package dev.alchemy.orm.internal.mapping;

import dev.alchemy.exc.MappingError;
import dev.alchemy.orm.Loading;
import dev.alchemy.orm.Polymorphic;
import dev.alchemy.schema.MetaData;
import dev.alchemy.sql.ColumnElement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Joined-table inheritance's tables and SELECTs for a {@link Hierarchy}: each class's own table, the chain of tables
 * its rows span, where each attribute's column sits in the hierarchy's one row layout, and each class's entity
 * select, which joins the tables of the class and its superclasses, outer joins its subclasses' and leaves out those
 * loaded by selectin ({@code @Polymorphic(load = SELECTIN)}) and those of other branches.
 */
final class JoinedTables {

    /** The placeholder of a column a query leaves out, so that every query of the hierarchy has one row layout. */
    private static final dev.alchemy.sql.LiteralColumn<Object> NULL = new dev.alchemy.sql.LiteralColumn<>("NULL", null);

    private final Hierarchy h;

    JoinedTables(Hierarchy h) {
        this.h = h;
    }

    /** Whether a class's table is read by its own SELECT after its superclasses' query ({@code load = SELECTIN}). */
    static boolean selectinLoad(Hierarchy h, Mapper<?> m, Mapper<?> rootMapper) {
        Loading load = m.type.getAnnotation(Polymorphic.class).load();
        if (load == Loading.DEFAULT || load == Loading.JOINED) {
            return false;
        }
        if (load != Loading.SELECTIN) {
            throw new MappingError(m.type.getName() + ": @Polymorphic(load = " + load + ") is no way to load a "
                    + "subclass's table; use Loading.JOINED (an outer join, the default) or Loading.SELECTIN");
        }
        if (m == rootMapper) {
            throw new MappingError(m.type.getName() + ": @Polymorphic(load = SELECTIN) is for a joined-table "
                    + "subclass, whose table its superclasses' queries then leave out; the base class's own table "
                    + "is always in its queries");
        }
        if (!h.joined) {
            throw new MappingError(m.type.getName() + ": @Polymorphic(load = SELECTIN) is for a joined-table "
                    + "subclass; a single-table subclass's columns are in the base's table, which every query reads");
        }
        return true;
    }

    /**
     * Whether a query of {@code loading} leaves the table of {@code k} out, to be read by a SELECT of its own (see
     * {@code SelectinPolymorphic}): {@code k} or one of its superclasses that is not one of {@code loading}'s loads
     * by selectin.
     */
    private boolean deferred(Mapper<?> loading, Mapper<?> k) {
        for (Mapper<?> c : h.ancestors(k)) {
            if (c.selectinLoad && !c.type.isAssignableFrom(loading.type)) {
                return true;
            }
        }
        return false;
    }

    /** Whether a query of {@code loading} has no join to the table of {@code k}. */
    private boolean leftOut(Mapper<?> loading, Mapper<?> k) {
        boolean related = k.type.isAssignableFrom(loading.type) || loading.type.isAssignableFrom(k.type);
        return !related || deferred(loading, k);
    }

    /**
     * Joined-table inheritance: each class's own table (the primary key, a foreign key to its superclass's table, and
     * the columns of the fields its class declares), the tables each class's rows span, and one SELECT layout for the
     * whole hierarchy (every table's columns, in hierarchy order), so that a row of any class's query decodes as any
     * subclass.
     */
    void join(Mapper<?> rootMapper) {
        MetaData metadata = new MetaData();
        Map<Class<?>, dev.alchemy.schema.Table> own = new LinkedHashMap<>();
        for (Mapper<?> m : h.mappers.values()) {
            own.put(m.type, h.defineTable(m, metadata));
        }
        List<dev.alchemy.schema.Table> all = new ArrayList<>(own.values());
        Map<dev.alchemy.schema.Table, Integer> offsets = new LinkedHashMap<>();
        int width = 0;
        for (dev.alchemy.schema.Table t : all) {
            offsets.put(t, width);
            width += t.columns().size();
        }
        for (Mapper<?> m : h.mappers.values()) {
            List<Mapper<?>> ancestors = h.ancestors(m);
            dev.alchemy.schema.Table[] chain = new dev.alchemy.schema.Table[ancestors.size()];
            for (int i = 0; i < chain.length; i++) {
                chain[i] = own.get(ancestors.get(i).type);
            }
            int[] tableIndex = new int[m.attributes.size()];
            int[] positions = new int[m.attributes.size()];
            for (Attribute a : m.attributes) {
                int j = 0;
                while (!a.primaryKey && ancestors.get(j).byName.get(a.name) == null) {
                    j++;
                }
                tableIndex[a.index] = j;
                List<String> names = chain[j].columns().stream()
                        .map(dev.alchemy.schema.Column::name)
                        .toList();
                positions[a.index] = Objects.requireNonNull(offsets.get(chain[j])) + names.indexOf(a.columnName);
            }
            m.table = chain[chain.length - 1];
            m.chain = chain;
            m.tableIndex = tableIndex;
            m.layout.positions = positions;
            m.layout.width = width;
            m.layout.joinedSelect = select(m, own, rootMapper);
        }
        for (Mapper<?> loading : h.mappers.values()) {
            for (Mapper<?> row : h.mappers.values()) {
                if (row == loading || !loading.type.isAssignableFrom(row.type)) {
                    continue;
                }
                List<Mapper<?>> chain = h.ancestors(row);
                for (int j = 0; j < chain.size(); j++) {
                    if (deferred(loading, chain.get(j))) {
                        loading.layout.defersSubclasses = true;
                        if (row.layout.selectinFrom.isEmpty()) {
                            row.layout.selectinFrom = new java.util.IdentityHashMap<>();
                        }
                        row.layout.selectinFrom.put(loading, j);
                        break;
                    }
                }
            }
        }
    }

    private dev.alchemy.sql.Select select(
            Mapper<?> m, Map<Class<?>, dev.alchemy.schema.Table> own, Mapper<?> rootMapper) {
        dev.alchemy.schema.Table base = Objects.requireNonNull(own.get(h.root));
        dev.alchemy.sql.Select select = dev.alchemy.sql.Select.of(base);
        for (Mapper<?> k : h.mappers.values()) {
            if (k == rootMapper) {
                continue;
            }
            List<dev.alchemy.schema.Column<?>> columns =
                    Objects.requireNonNull(own.get(k.type)).columns();
            if (leftOut(m, k)) {
                // NULL in this query's layout: read after it, by key, for the rows of its class; or of another
                // branch of the hierarchy, which has no row of this class
                for (dev.alchemy.schema.Column<?> c : columns) {
                    select = select.addColumns(NULL.label(c.name()));
                }
            } else {
                select = select.addColumns(columns.toArray(new dev.alchemy.sql.ClauseElement[0]));
            }
        }
        for (Mapper<?> k : h.mappers.values()) {
            if (k == rootMapper || leftOut(m, k)) {
                continue;
            }
            dev.alchemy.schema.Table t = Objects.requireNonNull(own.get(k.type));
            dev.alchemy.schema.Table up = Objects.requireNonNull(own.get(h.parent(k).type));
            ColumnElement<Boolean> on = null;
            for (Attribute pk : rootMapper.primaryKey) {
                ColumnElement<Boolean> eq = t.c(pk.columnName).eq(up.c(pk.columnName));
                on = on == null ? eq : on.and(eq);
            }
            // inner joins to the tables of the class and its superclasses, outer joins to its subclasses'
            ColumnElement<Boolean> joinOn = Objects.requireNonNull(on); // a key has a column
            select = k.type.isAssignableFrom(m.type) ? select.join(t, joinOn) : select.outerJoin(t, joinOn);
        }
        return select;
    }
}
