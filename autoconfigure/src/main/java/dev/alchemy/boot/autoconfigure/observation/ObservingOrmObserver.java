package dev.alchemy.boot.autoconfigure.observation;

import dev.alchemy.engine.StatementListener;
import dev.alchemy.orm.OrmObserver;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Alchemy's {@link OrmObserver} as Micrometer observations: each flush and each ORM query is an observation, current
 * (in scope) while it runs, so that the engine's statements (and other instrumentation, e.g. of the JDBC driver)
 * nest under it. Use {@link #statementListener()} on the engine to put each query's SQL on its observation.
 *
 * <pre>{@code
 * ObservingOrmObserver observer = ObservingOrmObserver.create(registry);
 * engine.addStatementListener(observer.statementListener());
 * SessionFactory sessionFactory = new SessionFactory(engine).withObserver(observer);
 * }</pre>
 */
public final class ObservingOrmObserver implements OrmObserver {

    private static final FlushObservationConvention DEFAULT_FLUSH = new DefaultFlushObservationConvention();
    private static final QueryObservationConvention DEFAULT_QUERY = new DefaultQueryObservationConvention();

    private final ObservationRegistry registry;
    private final @Nullable FlushObservationConvention flushConvention;
    private final @Nullable QueryObservationConvention queryConvention;

    private ObservingOrmObserver(
            ObservationRegistry registry,
            @Nullable FlushObservationConvention flushConvention,
            @Nullable QueryObservationConvention queryConvention) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.flushConvention = flushConvention;
        this.queryConvention = queryConvention;
    }

    /**
     * An observer with the default conventions.
     *
     * @param registry where the observations go
     * @return the observer
     */
    public static ObservingOrmObserver create(ObservationRegistry registry) {
        return new ObservingOrmObserver(registry, null, null);
    }

    /**
     * An observer with conventions of your own.
     *
     * @param registry where the observations go
     * @param flushConvention replaces {@link DefaultFlushObservationConvention}, or null
     * @param queryConvention replaces {@link DefaultQueryObservationConvention}, or null
     * @return the observer
     */
    public static ObservingOrmObserver create(
            ObservationRegistry registry,
            @Nullable FlushObservationConvention flushConvention,
            @Nullable QueryObservationConvention queryConvention) {
        return new ObservingOrmObserver(registry, flushConvention, queryConvention);
    }

    @Override
    public Scope flushStarting() {
        if (registry.isNoop()) {
            return Scope.NONE; // no handler: nothing to allocate
        }
        FlushContext context = new FlushContext();
        Observation observation = AlchemyObservationDocumentation.FLUSH
                .observation(flushConvention, DEFAULT_FLUSH, () -> context, registry)
                .start();
        Observation.Scope scope = observation.openScope();
        return (inserted, updated, deleted, error) -> {
            context.rows(inserted, updated, deleted);
            end(observation, scope, error);
        };
    }

    @Override
    public Scope queryStarting(Class<?> model, String operation) {
        if (registry.isNoop()) {
            return Scope.NONE;
        }
        QueryContext context = new QueryContext(model, operation);
        Observation observation = AlchemyObservationDocumentation.QUERY
                .observation(queryConvention, DEFAULT_QUERY, () -> context, registry)
                .start();
        Observation.Scope scope = observation.openScope();
        return (inserted, updated, deleted, error) -> end(observation, scope, error);
    }

    private static void end(Observation observation, Observation.Scope scope, @Nullable Throwable error) {
        scope.close();
        if (error != null) {
            observation.error(error);
        }
        observation.stop();
    }

    /** @return a listener that gives the current query observation the SQL of the statement the engine ran */
    public StatementListener statementListener() {
        return event -> {
            Observation current = registry.getCurrentObservation();
            if (current != null && current.getContext() instanceof QueryContext query) {
                query.sql(event.sql());
            }
        };
    }
}
