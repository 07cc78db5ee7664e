package dev.alchemy.orm;

import dev.alchemy.engine.Engine;
import java.util.Objects;

/**
 * Chooses the engine a session runs a statement on: SQLAlchemy's overridable {@code Session.get_bind()}. A session
 * asks it for every statement (a load, a flush's statements for each model, an {@code execute}) and keeps one
 * connection, and so one transaction, per engine it returned, all committed or rolled back together by
 * {@code commit()}/{@code rollback()}.
 *
 * <pre>{@code
 * // read-only sessions read from the replica; all other sessions use the factory's engine, the primary
 * SessionFactory primary = new SessionFactory(primaryEngine)
 *         .withBindResolver(BindResolver.replicaForReadOnly(replicaEngine));
 * SessionFactory reports = primary.withReadOnly(true);
 *
 * // or any rule of your own, falling back to the factory's binds for the rest
 * SessionFactory routed = new SessionFactory(primaryEngine)
 *         .withBindResolver(request -> request.model() == AuditEvent.class ? auditEngine : request.mappedBind());
 * }</pre>
 *
 * <p>A session's objects stay in one identity map whatever engine they came from: route a model to one engine for
 * reads and another for writes only when both hold the same rows (a primary and its replica), and mind that a
 * replica lags behind its primary.
 */
@FunctionalInterface
public interface BindResolver {

    /**
     * @param request what the session is about to run
     * @return the engine to run it on; never null
     */
    Engine resolve(BindRequest request);

    /**
     * Read-only sessions ({@link SessionFactory#withReadOnly(boolean)}) on a replica, all others on the factory's
     * binds. A read-only session cannot write, so every write reaches the primary, and a read-write session reads
     * its own writes because it reads from the primary too.
     *
     * @param replica the engine of a read replica of the factory's database
     * @return the resolver
     */
    static BindResolver replicaForReadOnly(Engine replica) {
        Objects.requireNonNull(replica, "replica");
        return request -> request.readOnly() ? replica : request.mappedBind();
    }
}
