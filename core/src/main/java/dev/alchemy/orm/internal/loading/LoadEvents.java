package dev.alchemy.orm.internal.loading;

import dev.alchemy.orm.MapperEvents;
import dev.alchemy.orm.internal.mapping.Mapper;
import dev.alchemy.orm.internal.mapping.MapperListeners;
import dev.alchemy.orm.internal.state.InstanceState;
import java.util.ArrayList;
import java.util.List;
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
            List<InstanceState> l = loaded;
            if (l == null) {
                l = loaded = new ArrayList<>();
            }
            l.add(state);
        }
    }

    void refreshed(InstanceState state) {
        if (heard(state.mapper)) {
            List<InstanceState> l = refreshed;
            if (l == null) {
                l = refreshed = new ArrayList<>();
            }
            l.add(state);
        }
    }

    void fire() {
        List<InstanceState> l = loaded;
        if (l != null) {
            for (InstanceState s : l) {
                for (MapperEvents<Object> e : listeners.of(s.mapper)) {
                    e.load(s.instance);
                }
            }
        }
        List<InstanceState> r = refreshed;
        if (r != null) {
            for (InstanceState s : r) {
                for (MapperEvents<Object> e : listeners.of(s.mapper)) {
                    e.refresh(s.instance);
                }
            }
        }
    }
}
