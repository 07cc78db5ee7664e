package dev.alchemy.orm.internal.session;

import dev.alchemy.exc.ResourceClosedError;
import dev.alchemy.orm.ObjectState;
import dev.alchemy.orm.OrmObserver;
import dev.alchemy.orm.internal.loading.ObjectBatches;
import dev.alchemy.orm.internal.loading.ObjectLoader;
import dev.alchemy.orm.internal.state.InstanceState;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A streamed query of a session ({@code yieldPer}): the batches of objects its cursor yields, and, when each batch is
 * to leave the session ({@code expungeEachBatch}), the objects the batch brought in, taken out (after a flush of their
 * changes) when the next batch is read and when the stream closes. The session releases a stream still open when its
 * transaction ends or it closes.
 */
final class SessionStream<T> implements Iterator<List<T>> {

    private final SessionImpl session;
    private final ObjectLoader loader;
    private final ObjectBatches<T> batches;
    private final OrmObserver.Scope scope;
    /** The objects the current batch brought into the session, when they are to leave it; else null. */
    private final @Nullable List<InstanceState> brought;

    private @Nullable List<T> ahead;
    private boolean done;
    private boolean closed;
    /** Why the session released the stream before its end: said when it is read again. */
    private @Nullable String releasedBecause;

    SessionStream(
            SessionImpl session,
            ObjectLoader loader,
            ObjectBatches<T> batches,
            boolean expungeEachBatch,
            OrmObserver.Scope scope) {
        this.session = session;
        this.loader = loader;
        this.batches = batches;
        this.scope = scope;
        this.brought = expungeEachBatch ? new ArrayList<>(batches.batchSize()) : null;
        if (brought != null) {
            loader.record(brought);
        }
    }

    @Override
    public boolean hasNext() {
        if (ahead != null) {
            return true;
        }
        if (releasedBecause != null) {
            throw new ResourceClosedError("this streamed result was released before its last object, because "
                    + releasedBecause + "; read a stream inside its transaction, and close it (try-with-resources)");
        }
        if (done) {
            return false;
        }
        finishBatch();
        List<T> batch;
        try {
            batch = batches.next();
        } catch (RuntimeException | Error e) {
            release(null);
            throw e;
        }
        if (batch.isEmpty()) {
            done = true;
            close();
            return false;
        }
        ahead = batch;
        return true;
    }

    @Override
    public List<T> next() {
        if (!hasNext()) {
            throw new NoSuchElementException("no batches left");
        }
        List<T> batch = Objects.requireNonNull(ahead); // hasNext() read it
        ahead = null;
        return batch;
    }

    /** The previous batch's objects leave the session, once what was changed in them is flushed. */
    private void finishBatch() {
        List<InstanceState> states = brought;
        if (states == null || states.isEmpty()) {
            return;
        }
        if (session.isOpen() && InstanceState.anyModified(states)) {
            session.flush();
        }
        for (InstanceState s : states) {
            if (s.status() == ObjectState.PERSISTENT && session.map.state(s.instance) == s) {
                session.expunge(s.instance);
            }
        }
        states.clear();
    }

    /** Closed by the application: the last batch leaves the session (if asked), the cursor is released. */
    void close() {
        if (closed) {
            return;
        }
        try {
            if (session.isOpen()) {
                finishBatch();
            }
        } finally {
            release(null);
        }
    }

    /**
     * Released by the session (its transaction ended, or it closed) or after a failure: the cursor closes, and the
     * objects of the batch stay in the session (nothing is flushed at that point).
     */
    void release(@Nullable String because) {
        if (closed) {
            return;
        }
        closed = true;
        releasedBecause = because;
        done = true;
        ahead = null;
        try {
            batches.close();
        } finally {
            if (brought != null) {
                loader.stopRecording(brought);
            }
            session.lifecycle.streamClosed(this);
            scope.end(0, 0, 0, null);
        }
    }
}
