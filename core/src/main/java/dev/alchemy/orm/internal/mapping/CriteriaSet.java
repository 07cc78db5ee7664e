package dev.alchemy.orm.internal.mapping;

import dev.alchemy.orm.LoaderCriteria;
import dev.alchemy.sql.ColumnElement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * The {@link LoaderCriteria} of a {@code SessionFactory}, each registered for a class: for each mapped class, those
 * that apply to it (registered for it or a supertype), found once, asked for their conditions per statement.
 */
public final class CriteriaSet {

    /** No criteria. */
    public static final CriteriaSet NONE = new CriteriaSet(List.of());

    private record Registered(Class<?> type, LoaderCriteria criteria) {}

    private final List<Registered> registered;
    private final Map<Class<?>, List<Registered>> byClass = new ConcurrentHashMap<>();

    private CriteriaSet(List<Registered> registered) {
        this.registered = registered;
    }

    /**
     * @param type a class whose loads (and its subclasses') get the criteria
     * @param criteria the criteria
     * @return these criteria and the new one
     */
    public CriteriaSet with(Class<?> type, LoaderCriteria criteria) {
        List<Registered> next = new ArrayList<>(registered);
        next.add(new Registered(type, criteria));
        return new CriteriaSet(List.copyOf(next));
    }

    /** @return whether any criteria is registered */
    public boolean any() {
        return !registered.isEmpty();
    }

    /**
     * The condition that a statement loading a class gets now.
     *
     * @param mapper the class's mapper
     * @return the conditions of the criteria that apply, joined with AND, or null when there is none
     */
    @SuppressWarnings("unchecked")
    public @Nullable ColumnElement<Boolean> condition(Mapper<?> mapper) {
        List<Registered> criteria = byClass.computeIfAbsent(mapper.type, this::find);
        ColumnElement<Boolean> condition = null;
        for (Registered r : criteria) {
            // joined-table inheritance: the table of the class the criteria was registered for (Person's for
            // withLoaderCriteria(Person.class, ...) loading Managers)
            ColumnElement<Boolean> next = r.criteria().condition(mapper.tableFor(r.type()));
            if (next != null) {
                condition = condition == null ? next : condition.and(next);
            }
        }
        return condition;
    }

    private List<Registered> find(Class<?> type) {
        List<Registered> found = new ArrayList<>();
        for (Registered r : registered) {
            if (r.type().isAssignableFrom(type)) {
                found.add(r);
            }
        }
        return List.copyOf(found);
    }
}
