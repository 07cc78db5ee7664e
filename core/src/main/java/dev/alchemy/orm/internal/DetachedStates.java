package dev.alchemy.orm.internal;

import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What Alchemy remembers of detached objects (closed session, expunged): their identity and last known values, so
 * that adding one to a new session re-attaches it with its changes tracked, as in SQLAlchemy. Held weakly by
 * identity: an object no longer referenced elsewhere is forgotten.
 */
final class DetachedStates {

    /** The identity and values of a detached object. */
    record Detached(Mapper<?> mapper, IdentityKey key, Object[] snapshot) {}

    private static final ReferenceQueue<Object> QUEUE = new ReferenceQueue<>();
    private static final Map<Ref, Detached> STATES = new HashMap<>();

    private DetachedStates() {}

    static synchronized void put(Object instance, Detached detached) {
        purge();
        STATES.put(new Ref(instance, QUEUE), detached);
    }

    /**
     * Remembers many objects at once, under one lock: a session closing with thousands of loaded objects.
     *
     * @param detached what to remember of each object, by the object (an identity map)
     */
    static synchronized void putAll(Map<Object, Detached> detached) {
        purge();
        for (Map.Entry<Object, Detached> e : detached.entrySet()) {
            STATES.put(new Ref(e.getKey(), QUEUE), e.getValue());
        }
    }

    static synchronized @Nullable Detached remove(Object instance) {
        purge();
        return STATES.remove(new Ref(instance, null));
    }

    static synchronized boolean contains(Object instance) {
        return STATES.containsKey(new Ref(instance, null));
    }

    private static void purge() {
        for (Object ref; (ref = QUEUE.poll()) != null; ) {
            STATES.remove(ref);
        }
    }

    /** A weak reference compared by the identity of its referent. */
    private static final class Ref extends WeakReference<Object> {
        private final int hash;

        Ref(Object referent, @Nullable ReferenceQueue<Object> queue) {
            super(referent, queue);
            this.hash = System.identityHashCode(referent);
        }

        @Override
        public int hashCode() {
            return hash;
        }

        @Override
        public boolean equals(@Nullable Object o) {
            if (this == o) {
                return true;
            }
            if (!(o instanceof Ref other)) {
                return false;
            }
            Object mine = get();
            return mine != null && mine == other.get();
        }
    }
}
