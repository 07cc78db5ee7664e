package dev.alchemy.orm.internal.mapping;

import dev.alchemy.engine.Row;
import dev.alchemy.exc.InvalidRequestError;
import dev.alchemy.sql.Select;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * How the rows of a class's entity select are laid out and decoded, as SQLAlchemy's {@code loading.py} instance
 * processor: where each attribute's column is, how wide a row is, which class a row of a hierarchy is, and which of a
 * joined-table hierarchy's tables the select leaves for a second SELECT ({@code @Polymorphic(load = SELECTIN)}). A
 * class outside a hierarchy has one column per attribute, in attribute order.
 */
public final class RowLayout {

    private final Mapper<?> mapper;

    /** Each attribute's position among the row's columns, or null when they are in attribute order. */
    int @Nullable [] positions;

    /** How many columns a row has (more than the attributes in a hierarchy). */
    int width;

    /** Joined-table inheritance: the SELECT of every column of the hierarchy's tables, joined; null otherwise. */
    @Nullable
    Select joinedSelect;

    /** Whether the entity select leaves out tables of some subclasses (they load by selectin). */
    boolean defersSubclasses;

    /**
     * Joined-table inheritance: for a row of this class loaded by a query of a superclass that left tables out, per
     * that superclass's mapper, the index in the class's {@link Mapper#tables()} of the first table left out.
     */
    Map<Mapper<?>, Integer> selectinFrom = Map.of();

    RowLayout(Mapper<?> mapper) {
        this.mapper = mapper;
    }

    /**
     * @return what an entity select of the class reads: its table, or for joined-table inheritance the hierarchy's
     *     tables joined on the primary key (inner joins to the class's own and its superclasses', outer joins to its
     *     subclasses', NULL in place of the tables it leaves out), so that a row loads the subclass it is
     */
    public Select entitySelect() {
        Select joined = joinedSelect;
        return joined != null ? joined : Select.of(mapper.table);
    }

    /** @return how many columns a row of {@link #entitySelect()} has */
    public int width() {
        return width;
    }

    /**
     * @return whether the class's entity select leaves the tables of some subclasses out (NULL in its row layout),
     *     for their rows to be completed by {@link #selectinFrom}
     */
    public boolean defersSubclasses() {
        return defersSubclasses;
    }

    /**
     * @param loading the mapper of the class a query selected (this class or a superclass)
     * @return the index in {@link Mapper#tables()} of the first of this class's tables that the query left out, whose
     *     columns a row of this class still needs; -1 when it read them all
     */
    public int selectinFrom(Mapper<?> loading) {
        Integer from = selectinFrom.get(loading);
        return from == null ? -1 : from;
    }

    /**
     * The mapper of the class a row of this class's SELECT holds, by the row's discriminator, as SQLAlchemy's
     * polymorphic loading: this class's mapper for a row without one (an outer join's missing row, a NULL
     * discriminator).
     *
     * @param row a row of {@code SELECT <this table's columns> ...}
     * @param offset where this table's columns start in the row
     * @return the mapper of the row's class
     * @throws InvalidRequestError when the discriminator names no class of the hierarchy, or a class that is not
     *     this one or a subclass of it
     */
    public Mapper<?> mapperForRow(Row row, int offset) {
        Hierarchy h = mapper.hierarchy;
        Attribute d = mapper.discriminator;
        if (h == null || d == null) {
            return mapper;
        }
        int[] p = positions;
        Object value = row.get(offset + (p == null ? d.index : p[d.index]));
        return value == null ? mapper : h.mapperFor(value, mapper);
    }

    /**
     * @param row a row of {@code SELECT <this table's columns> ...}
     * @param offset where this table's columns start in the row
     * @return the class's attribute values, in attribute order
     */
    public Object[] rowValues(Row row, int offset) {
        int[] p = positions;
        int n = mapper.attributes.size();
        Object[] values = new Object[n];
        if (p == null) {
            for (int i = 0; i < n; i++) {
                values[i] = row.get(offset + i);
            }
        } else {
            for (int i = 0; i < n; i++) {
                values[i] = row.get(offset + p[i]);
            }
        }
        return values;
    }
}
