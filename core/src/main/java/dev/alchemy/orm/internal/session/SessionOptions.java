package dev.alchemy.orm.internal.session;

import dev.alchemy.orm.EntitySelect;
import dev.alchemy.orm.OrmObserver;
import dev.alchemy.orm.SessionEvents;
import dev.alchemy.orm.internal.mapping.CriteriaSet;
import dev.alchemy.orm.internal.mapping.Mapper;
import dev.alchemy.orm.internal.mapping.MapperListeners;
import dev.alchemy.sql.ColumnElement;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What a {@code SessionFactory}'s settings give each session it opens: autoflush, expire on commit, the observer, the
 * listeners and the loader criteria. Made once per factory and shared by its sessions, so that opening a session
 * copies nothing.
 */
public final class SessionOptions {

    final boolean autoflush;
    final boolean expireOnCommit;
    final @Nullable OrmObserver observer;
    /** The factory's {@code SessionEvents}. */
    final SessionListeners listeners;
    /** The {@code MapperEvents} of each class. */
    final MapperListeners mapperListeners;
    /** The factory's loader criteria (SQLAlchemy's with_loader_criteria). */
    private final CriteriaSet criteria;

    private SessionOptions(
            boolean autoflush,
            boolean expireOnCommit,
            @Nullable OrmObserver observer,
            SessionListeners listeners,
            MapperListeners mapperListeners,
            CriteriaSet criteria) {
        this.autoflush = autoflush;
        this.expireOnCommit = expireOnCommit;
        this.observer = observer;
        this.listeners = listeners;
        this.mapperListeners = mapperListeners;
        this.criteria = criteria;
    }

    /**
     * @param autoflush whether queries flush first
     * @param expireOnCommit whether commits expire objects
     * @param observer told about flushes and queries, or null
     * @param sessionEvents the session listeners, in order
     * @param mapperEvents the listeners to the objects of each class
     * @param criteria the loader criteria
     * @return the options
     */
    public static SessionOptions of(
            boolean autoflush,
            boolean expireOnCommit,
            @Nullable OrmObserver observer,
            List<SessionEvents> sessionEvents,
            MapperListeners mapperEvents,
            CriteriaSet criteria) {
        return new SessionOptions(
                autoflush,
                expireOnCommit,
                observer,
                SessionListeners.of(sessionEvents),
                Objects.requireNonNull(mapperEvents, "mapperEvents"),
                Objects.requireNonNull(criteria, "criteria"));
    }

    /** @return the loader criteria of the mapper's class, or null when there are none */
    @Nullable
    ColumnElement<Boolean> loaderCriteria(Mapper<?> mapper) {
        return criteria.any() ? criteria.condition(mapper) : null;
    }

    /** @return the select with the loader criteria of its class, unless it leaves them out */
    <T> EntitySelect<T> withCriteria(EntitySelect<T> select) {
        if (!criteria.any() || !select.includesLoaderCriteria()) {
            return select;
        }
        ColumnElement<Boolean> condition = criteria.condition(Mapper.of(select.type()));
        return condition == null ? select : select.where(condition);
    }
}
