package dev.alchemy.orm.internal.loading;

import dev.alchemy.orm.MapperEvents;
import dev.alchemy.orm.internal.mapping.Mapper;
import dev.alchemy.orm.internal.mapping.MapperListeners;
import dev.alchemy.orm.internal.state.InstanceState;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import org.jspecify.annotations.Nullable;

/**
 * The objects a load built (SQLAlchemy's {@code load} event) and those it refreshed ({@code refresh}), told once
 * the load is complete, relationships included.
 */
final class LoadEvents {
    private final MapperListeners listeners;
    private @Nullable List<InstanceState> loaded;
    private @Nullable List<InstanceState> refreshed;
    /** The mapper last asked about, and whether it has listeners: rows of one class ask once. */
    private @Nullable Mapper<?> lastMapper;

    private boolean lastHeard;

    LoadEvents(MapperListeners listeners) {
        this.listeners = listeners;
    }

    /** Whether any listener hears objects of this class; those of no listener are not kept. */
    private boolean heard(Mapper<?> mapper) {
        if (mapper != lastMapper) {
            lastMapper = mapper;
            lastHeard = !listeners.of(mapper).isEmpty();
        }
        return lastHeard;
    }

    void loaded(InstanceState state) {
        if (heard(state.mapper)) {
            loaded = kept(loaded, state);
        }
    }

    void refreshed(InstanceState state) {
        if (heard(state.mapper)) {
            refreshed = kept(refreshed, state);
        }
    }

    /** Tells the listeners: every object loaded, then every object refreshed. */
    void fire() {
        fire(loaded, MapperEvents::load);
        fire(refreshed, MapperEvents::refresh);
    }

    private static List<InstanceState> kept(@Nullable List<InstanceState> list, InstanceState state) {
        List<InstanceState> l = list == null ? new ArrayList<>() : list;
        l.add(state);
        return l;
    }

    private void fire(@Nullable List<InstanceState> states, BiConsumer<MapperEvents<Object>, Object> event) {
        if (states == null) {
            return;
        }
        for (InstanceState s : states) {
            for (MapperEvents<Object> e : listeners.of(s.mapper)) {
                event.accept(e, s.instance);
            }
        }
    }
}
