package dev.alchemy.orm.internal;

import java.lang.ref.WeakReference;
import java.util.Collection;
import org.jspecify.annotations.Nullable;

/**
 * Which objects are detached (their session closed, or they were expunged): adding one to a session re-attaches it
 * as persistent, so its changes become an UPDATE, as in SQLAlchemy, instead of a second INSERT. Held weakly by
 * identity: an object no longer referenced elsewhere is forgotten.
 *
 * <p>A session closing with 20,000 loaded objects registers all of them, so this is built for that: one small weak
 * entry per object and nothing else. Values are deliberately not kept here: an entry outlives its object until the
 * table is next swept, and values held by it (strings, the snapshot array) would be copied by every young garbage
 * collection in between, which cost more than the whole load. A re-attached object's values as last stored are read
 * back from its row instead ({@link SessionImpl}). Lookups allocate nothing: every {@code session.add} asks.
 */
final class DetachedStates {

    /** A weakly referenced detached object, chained in its bucket. */
    private static final class Entry extends WeakReference<Object> {
        final int hash;

        @Nullable
        Entry next;

        Entry(Object instance, int hash) {
            super(instance);
            this.hash = hash;
        }
    }

    private static final int MIN_CAPACITY = 256;

    private static @Nullable Entry[] table = new Entry[MIN_CAPACITY];
    private static int size;

    private DetachedStates() {}

    /** Remembers one object (expunged, or refused by another session's identity map). */
    static synchronized void put(Object instance) {
        ensureCapacity(size + 1);
        insert(instance);
    }

    /**
     * Remembers the persistent objects of a closing session, under one lock.
     *
     * @param states the session's objects; those without a key, or not persistent, are passed over
     */
    static synchronized void putAll(Collection<InstanceState> states) {
        ensureCapacity(size + states.size());
        for (InstanceState s : states) {
            if (s.status == dev.alchemy.orm.ObjectState.PERSISTENT && s.key != null) {
                insert(s.instance);
            }
        }
    }

    /**
     * Forgets an object.
     *
     * @param instance the object
     * @return whether it was a detached object
     */
    static synchronized boolean remove(Object instance) {
        if (size == 0) {
            return false;
        }
        int hash = System.identityHashCode(instance);
        var tab = table;
        int i = hash & (tab.length - 1);
        Entry previous = null;
        for (Entry e = tab[i]; e != null; previous = e, e = e.next) {
            if (e.hash == hash && e.refersTo(instance)) {
                unlink(tab, i, previous, e);
                return true;
            }
        }
        return false;
    }

    /** @return whether the object is remembered as detached */
    static synchronized boolean contains(Object instance) {
        if (size == 0) {
            return false;
        }
        int hash = System.identityHashCode(instance);
        var tab = table;
        for (Entry e = tab[hash & (tab.length - 1)]; e != null; e = e.next) {
            if (e.hash == hash && e.refersTo(instance)) {
                return true;
            }
        }
        return false;
    }

    private static void insert(Object instance) {
        int hash = System.identityHashCode(instance);
        var tab = table;
        int i = hash & (tab.length - 1);
        // no search for an entry of the same object first: an object in a session is never here (adding it to
        // the session removed it), so a detached object is only ever put once
        Entry entry = new Entry(instance, hash);
        entry.next = tab[i];
        tab[i] = entry;
        size++;
        if (size > tab.length - (tab.length >>> 2)) {
            ensureCapacity(size);
        }
    }

    private static void unlink(@Nullable Entry[] tab, int i, @Nullable Entry previous, Entry e) {
        if (previous == null) {
            tab[i] = e.next;
        } else {
            previous.next = e.next;
        }
        e.next = null;
        e.clear(); // no longer ours
        size--;
    }

    /**
     * Makes room for {@code entries} under a load factor of 3/4: first drops the entries of objects the garbage
     * collector reclaimed, then grows the table if that was not enough.
     */
    private static void ensureCapacity(int entries) {
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

    private static void rehash(int capacity) {
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

    /** Drops the entries of objects the garbage collector reclaimed, and shrinks a table left mostly empty. */
    private static void sweep() {
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

    /** @return how many objects are remembered (for tests) */
    static synchronized int size() {
        sweep();
        return size;
    }
}
