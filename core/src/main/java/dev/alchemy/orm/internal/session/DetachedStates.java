package dev.alchemy.orm.internal.session;

import dev.alchemy.orm.internal.state.InstanceState;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Which objects of one {@code SessionFactory}'s sessions are detached (their session closed, or they were expunged): adding one to a session re-attaches it
 * as persistent, so its changes become an UPDATE, as in SQLAlchemy, instead of a second INSERT. Held weakly by
 * identity: an object no longer referenced elsewhere is forgotten.
 *
 * <p>A session closing with 20,000 loaded objects registers all of them, and most of them are garbage soon after, so
 * this is built for that:
 *
 * <ul>
 *   <li>Values are deliberately not kept here: an entry outlives its object until it is purged, and values held by
 *       it (strings, the snapshot array) would be copied by every young garbage collection in between, which cost
 *       more than the whole load. A re-attached object's values as last stored are read back from its row instead
 *       ({@link SessionImpl}).
 *   <li>A closing session registers its objects as one batch of small weak entries, without hashing them. The hash
 *       index by identity is built only when someone asks about an object ({@code session.add}, {@code delete},
 *       {@code stateOf} of an object the session does not hold), from the batches registered since; batches whose
 *       objects all died before anyone asked are dropped whole and never indexed.
 *   <li>Entries of reclaimed objects are dropped by sweeps whose cost is bounded by what was registered since the
 *       last one: the batches when their entries outnumber twice what survived the previous sweep (entries of one
 *       batch lie next to each other in memory, so this is a sequential scan), the index when it would have to
 *       grow. No reference queue: queueing and polling each entry cost more than the sweeps.
 * </ul>
 */
public final class DetachedStates {

    /** A weakly referenced detached object, chained in its bucket once indexed. */
    private static final class Entry extends WeakReference<Object> {
        /**
         * The object's identity hash code, taken when the entry is indexed: a closing session's batch is made without
         * touching its objects (reading each one's header again, long after it was loaded, is a cache miss per object),
         * and most batches are dropped unindexed.
         */
        public int hash;
        /** Whether its row was deleted by a committed transaction: {@code add()} refuses it (SQLAlchemy's deleted). */
        public final boolean deleted;

        @Nullable
        public Entry next;

        public Entry(Object instance, boolean deleted) {
            super(instance);
            this.deleted = deleted;
        }

        /** Takes the hash; false when the object is gone already. */
        boolean hashed() {
            Object instance = get();
            if (instance == null) {
                return false;
            }
            hash = System.identityHashCode(instance);
            return true;
        }
    }

    private static final int MIN_CAPACITY = 256;
    private static final int MIN_PENDING = 1 << 16;

    private @Nullable Entry[] table = new Entry[MIN_CAPACITY];
    /** Indexed entries (some may be dead until the next sweep). */
    private int size;
    /** Batches of entries registered since the index was last brought up to date, one per closed session. */
    private final List<Entry[]> pending = new ArrayList<>();
    /** Entries in {@link #pending}. */
    private int pendingSize;
    /** Entries in {@link #pending} that were alive at its last sweep. */
    private int pendingSurvivors;

    /** An empty registry; each {@code SessionFactory} has one, shared by its {@code with...} copies. */
    public DetachedStates() {}

    /** Remembers one object (expunged, or refused by another session's identity map). */
    public synchronized void put(Object instance) {
        forget(instance);
        ensureCapacity(size + 1);
        Entry e = new Entry(instance, false);
        e.hashed();
        link(e);
    }

    /** Remembers an object whose row a committed transaction deleted, until it is made transient. */
    public synchronized void putDeleted(Object instance) {
        forget(instance);
        ensureCapacity(size + 1);
        Entry e = new Entry(instance, true);
        e.hashed();
        link(e);
    }

    /**
     * Remembers the persistent objects of a closing session, under one lock.
     *
     * @param states the session's objects; those without a key, or not persistent, are passed over
     */
    public synchronized void putAll(Collection<InstanceState> states) {
        Entry[] batch = new Entry[states.size()];
        int n = 0;
        for (InstanceState s : states) {
            if (s.status() == dev.alchemy.orm.ObjectState.PERSISTENT && s.key() != null) {
                batch[n++] = new Entry(s.instance, false);
            }
        }
        if (n == 0) {
            return;
        }
        pending.add(n == batch.length ? batch : Arrays.copyOf(batch, n));
        pendingSize += n;
        if (pendingSize > Math.max(MIN_PENDING, 2 * pendingSurvivors)) {
            sweepPending();
        }
    }

    /**
     * Forgets an object remembered as detached, to re-attach it.
     *
     * @param instance the object
     * @return whether it was a detached object (one remembered as deleted stays, and is not one)
     */
    public synchronized boolean remove(Object instance) {
        return unlink(instance, false);
    }

    /**
     * Forgets an object, detached or deleted ({@code makeTransient}).
     *
     * @param instance the object
     * @return whether it was remembered
     */
    public synchronized boolean forget(Object instance) {
        return unlink(instance, true);
    }

    private boolean unlink(Object instance, boolean deletedToo) {
        index();
        if (size == 0) {
            return false;
        }
        int hash = System.identityHashCode(instance);
        var tab = table;
        int i = hash & (tab.length - 1);
        Entry previous = null;
        for (Entry e = tab[i]; e != null; previous = e, e = e.next) {
            if (e.hash == hash && e.refersTo(instance)) {
                if (e.deleted && !deletedToo) {
                    return false;
                }
                if (previous == null) {
                    tab[i] = e.next;
                } else {
                    previous.next = e.next;
                }
                e.next = null;
                e.clear();
                size--;
                return true;
            }
        }
        return false;
    }

    /** @return whether the object is remembered as deleted by a committed transaction */
    public synchronized boolean isDeleted(Object instance) {
        Entry e = find(instance);
        return e != null && e.deleted;
    }

    /** @return whether the object is remembered as detached (deleted ones are detached too) */
    public synchronized boolean contains(Object instance) {
        return find(instance) != null;
    }

    private @Nullable Entry find(Object instance) {
        index();
        if (size == 0) {
            return null;
        }
        int hash = System.identityHashCode(instance);
        var tab = table;
        for (Entry e = tab[hash & (tab.length - 1)]; e != null; e = e.next) {
            if (e.hash == hash && e.refersTo(instance)) {
                return e;
            }
        }
        return null;
    }

    /** Brings the index up to date with the batches registered since. */
    private void index() {
        if (pending.isEmpty()) {
            return;
        }
        sweepPending();
        ensureCapacity(size + pendingSize);
        for (Entry[] batch : pending) {
            for (Entry e : batch) {
                if (e.hashed()) {
                    link(e);
                }
            }
        }
        pending.clear();
        pendingSize = 0;
        pendingSurvivors = 0;
    }

    /** Drops the entries of reclaimed objects from the batches, and the batches left empty. */
    private void sweepPending() {
        int total = 0;
        for (int b = 0; b < pending.size(); b++) {
            Entry[] batch = pending.get(b);
            int alive = 0;
            for (Entry e : batch) {
                if (!e.refersTo(null)) {
                    batch[alive++] = e;
                }
            }
            pending.set(b, alive == batch.length ? batch : Arrays.copyOf(batch, alive));
            total += alive;
        }
        pending.removeIf(batch -> batch.length == 0);
        pendingSize = total;
        pendingSurvivors = total;
    }

    private void link(Entry e) {
        var tab = table;
        int i = e.hash & (tab.length - 1);
        e.next = tab[i];
        tab[i] = e;
        size++;
    }

    /**
     * Makes room for {@code entries} under a load factor of 3/4: first drops the entries of reclaimed objects, then
     * grows the table if that was not enough.
     */
    private void ensureCapacity(int entries) {
        if (entries > table.length - (table.length >>> 2)) {
            int before = size;
            sweep();
            entries -= before - size;
        }
        int capacity = table.length;
        while (entries > capacity - (capacity >>> 2)) {
            capacity <<= 1;
        }
        if (capacity != table.length) {
            rehash(capacity);
        }
    }

    private void rehash(int capacity) {
        @Nullable Entry[] grown = new Entry[capacity];
        for (Entry head : table) {
            for (Entry e = head; e != null; ) {
                Entry next = e.next;
                int i = e.hash & (capacity - 1);
                e.next = grown[i];
                grown[i] = e;
                e = next;
            }
        }
        table = grown;
    }

    /** Drops the indexed entries of reclaimed objects, and shrinks a table left mostly empty. */
    private void sweep() {
        var tab = table;
        for (int i = 0; i < tab.length; i++) {
            Entry previous = null;
            for (Entry e = tab[i]; e != null; ) {
                Entry next = e.next;
                if (e.refersTo(null)) {
                    if (previous == null) {
                        tab[i] = next;
                    } else {
                        previous.next = next;
                    }
                    e.next = null;
                    size--;
                } else {
                    previous = e;
                }
                e = next;
            }
        }
        if (tab.length > MIN_CAPACITY && size < tab.length >>> 4) {
            int capacity = MIN_CAPACITY;
            while (size > (capacity >>> 1)) {
                capacity <<= 1;
            }
            rehash(capacity);
        }
    }

    /**
     * Whether the registry certainly holds no object, without indexing or sweeping anything: a cheap test before a
     * walk that would ask about each object (entries of reclaimed objects count until they are swept).
     *
     * @return true when nothing was registered since the last time the registry was found empty
     */
    public synchronized boolean isEmpty() {
        return size == 0 && pending.isEmpty();
    }

    /** @return how many batches of closed sessions wait to be indexed (for tests) */
    synchronized int pendingBatches() {
        return pending.size();
    }

    /** @return how many objects are remembered (for tests) */
    public synchronized int size() {
        index();
        sweep();
        return size;
    }
}
