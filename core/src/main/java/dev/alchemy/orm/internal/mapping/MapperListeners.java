package dev.alchemy.orm.internal.mapping;

import dev.alchemy.orm.MapperEvents;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * The {@link MapperEvents} of a {@code SessionFactory}, each registered for a class, and the models' annotated
 * callback methods ({@link Callbacks}): for each mapped class, the listeners that apply to it, found once.
 */
public final class MapperListeners {

    /** No listener registered: only the models' annotated methods. */
    public static final MapperListeners NONE = new MapperListeners(List.of());

    private record Registered(Class<?> type, MapperEvents<?> listener) {}

    private final List<Registered> registered;
    /** Per mapped class, its listeners; an empty list when none applies (the common case: one lookup, no call). */
    private final Map<Class<?>, List<MapperEvents<Object>>> byClass = new ConcurrentHashMap<>();

    private MapperListeners(List<Registered> registered) {
        this.registered = registered;
    }

    /**
     * @param type a class whose objects (and its subclasses') the listener hears
     * @param listener the listener
     * @return these listeners and the new one, after them
     */
    public MapperListeners with(Class<?> type, MapperEvents<?> listener) {
        List<Registered> next = new ArrayList<>(registered);
        next.add(new Registered(type, listener));
        return new MapperListeners(List.copyOf(next));
    }

    /**
     * Finds a model's annotated callback methods, refusing one that cannot be called.
     *
     * @param type a model class
     * @throws dev.alchemy.exc.MappingError naming the method
     */
    public static void check(Class<?> type) {
        Callbacks.of(type);
    }

    /** @return whether any listener is registered (annotated methods aside) */
    public boolean any() {
        return !registered.isEmpty();
    }

    /**
     * The listeners of a mapped class: those registered for it or a supertype, in the order registered, then its
     * annotated methods (as JPA calls entity listeners before the entity's own callbacks).
     *
     * @param mapper the class's mapper
     * @return the listeners, empty when none applies
     */
    public List<MapperEvents<Object>> of(Mapper<?> mapper) {
        List<MapperEvents<Object>> found = byClass.get(mapper.type);
        if (found == null) {
            // computeIfAbsent with this::find would build a bound method reference on every call
            found = byClass.computeIfAbsent(mapper.type, this::find);
        }
        return found;
    }

    @SuppressWarnings("unchecked")
    private List<MapperEvents<Object>> find(Class<?> type) {
        List<MapperEvents<Object>> found = new ArrayList<>();
        for (Registered r : registered) {
            if (r.type().isAssignableFrom(type)) {
                found.add((MapperEvents<Object>) r.listener());
            }
        }
        @Nullable MapperEvents<Object> callbacks = Callbacks.of(type);
        if (callbacks != null) {
            found.add(callbacks);
        }
        return List.copyOf(found);
    }
}
