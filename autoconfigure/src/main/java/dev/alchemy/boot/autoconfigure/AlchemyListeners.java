package dev.alchemy.boot.autoconfigure;

import dev.alchemy.exc.ArgumentError;
import dev.alchemy.orm.MapperEvents;
import dev.alchemy.orm.SessionEvents;
import dev.alchemy.orm.SessionFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.ResolvableType;

/**
 * Registers the application's {@link SessionEvents} and {@link MapperEvents} beans on the auto-configured
 * {@link SessionFactory}, in {@link org.springframework.core.Ordered} order. A {@code MapperEvents} bean listens to the
 * model class of its type argument ({@code class AuditListener implements MapperEvents<Auditable>}) and its subclasses.
 */
final class AlchemyListeners {

    private AlchemyListeners() {}

    static SessionFactory register(
            SessionFactory factory,
            ObjectProvider<SessionEvents> sessionEvents,
            ObjectProvider<MapperEvents<?>> mapperEvents) {
        for (SessionEvents listener : sessionEvents.orderedStream().toList()) {
            factory = factory.withListener(listener);
        }
        for (MapperEvents<?> listener : mapperEvents.orderedStream().toList()) {
            factory = withMapperListener(factory, listener);
        }
        return factory;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static SessionFactory withMapperListener(SessionFactory factory, MapperEvents<?> listener) {
        Class<?> model =
                ResolvableType.forInstance(listener).as(MapperEvents.class).resolveGeneric(0);
        if (model == null) {
            throw new ArgumentError("cannot tell which model class the MapperEvents bean "
                    + listener.getClass().getName()
                    + " listens to: declare it in its class (class AuditListener implements MapperEvents<Auditable>, "
                    + "or MapperEvents<Object> for every model), or register it with a SessionFactoryCustomizer: "
                    + "sessionFactory.withListener(Auditable.class, listener)");
        }
        return factory.withListener((Class) model, (MapperEvents) listener);
    }
}
