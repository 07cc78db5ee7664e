package dev.alchemy.orm.internal.flush;

import dev.alchemy.engine.Connection;
import dev.alchemy.orm.MapperEvents;
import dev.alchemy.orm.internal.mapping.Mapper;
import dev.alchemy.orm.internal.mapping.MapperListeners;
import dev.alchemy.orm.internal.state.InstanceState;
import java.util.List;

/**
 * The {@link MapperEvents} a flush fires, as SQLAlchemy's {@code persistence.py} does: {@code before_insert} and
 * {@code before_update} for a class's objects before its statements (so that what the listeners change is written),
 * {@code after_*} after them; {@code before_delete} and {@code after_delete} around its DELETEs. Per object, every
 * listener of its class in turn.
 */
final class FlushEvents {

    private final FlushContext session;
    private final MapperListeners listeners;

    FlushEvents(FlushContext session) {
        this.session = session;
        this.listeners = session.mapperListeners();
    }

    /** @return whether anything listens to the objects of a class */
    boolean any(Mapper<?> mapper) {
        return !listeners.of(mapper).isEmpty();
    }

    void fire(Mapper<?> mapper, List<InstanceState> states, Event event) {
        if (states.isEmpty()) {
            return;
        }
        List<MapperEvents<Object>> ls = listeners.of(mapper);
        if (ls.isEmpty()) {
            return;
        }
        Connection connection = session.writeConnection(mapper);
        for (InstanceState s : states) {
            for (MapperEvents<Object> l : ls) {
                event.call(l, connection, s.instance);
            }
        }
    }

    /** One of the flush's events. */
    enum Event {
        BEFORE_INSERT(MapperEvents::beforeInsert),
        AFTER_INSERT(MapperEvents::afterInsert),
        BEFORE_UPDATE(MapperEvents::beforeUpdate),
        AFTER_UPDATE(MapperEvents::afterUpdate),
        BEFORE_DELETE(MapperEvents::beforeDelete),
        AFTER_DELETE(MapperEvents::afterDelete);

        private final Call call;

        Event(Call call) {
            this.call = call;
        }

        void call(MapperEvents<Object> listener, Connection connection, Object target) {
            call.call(listener, connection, target);
        }
    }

    @FunctionalInterface
    private interface Call {
        void call(MapperEvents<Object> listener, Connection connection, Object target);
    }
}
