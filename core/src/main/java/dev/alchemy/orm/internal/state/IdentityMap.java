package dev.alchemy.orm.internal.state;

import dev.alchemy.orm.internal.mapping.IdentityKey;
import java.util.AbstractCollection;
import java.util.Collection;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A session's objects, as SQLAlchemy's {@code identity.py}: every object the session holds by identity (pending,
 * persistent and deleted), and the persistent ones by class and primary key, so that a row loaded twice is one object.
 */
public final class IdentityMap {

    /** Every object of the session by identity; replaced by a presized map when a large load finds it empty. */
    private Map<Object, InstanceState> states = new IdentityHashMap<>(4); // a session per request holds few
    /** The persistent objects by class and key; replaced like {@link #states}. */
    private Map<IdentityKey, InstanceState> byKey = new HashMap<>();
    /** How many objects the two maps were last sized for. */
    private int sizedFor;
    /**
     * The same objects as {@link #states}, in the order they came, for the walks over all of them (autoflush's check
     * before every query, the flush's cascades and baselines). The map's own order is its identity hashes', which
     * sends each step of a walk to a random address: W5's autoflush check took 35% longer walking it than walking
     * the objects in the order they were allocated, which is the order they lie in memory.
     */
    private final StateSet held = new StateSet(StateSet.Kind.HELD);

    private final Collection<InstanceState> heldView = new AbstractCollection<>() {
        @Override
        public Iterator<InstanceState> iterator() {
            return held.iterator();
        }

        @Override
        public int size() {
            return held.size();
        }
    };

    /**
     * @param instance an object
     * @return its state, when the session holds it, else null
     */
    public @Nullable InstanceState state(Object instance) {
        return states.get(instance);
    }

    /**
     * @param instance an object
     * @return whether the session holds it
     */
    public boolean holds(Object instance) {
        return states.containsKey(instance);
    }

    /** @param state an object's state, which the session now holds */
    public void add(InstanceState state) {
        InstanceState before = states.put(state.instance, state);
        if (before != state) {
            if (before != null) {
                held.remove(before);
            }
            held.add(state);
        }
    }

    /** @param instance an object the session no longer holds (its key, if any, is left to {@link #removeKey}) */
    public void remove(Object instance) {
        InstanceState gone = states.remove(instance);
        if (gone != null) {
            held.remove(gone);
        }
    }

    /**
     * @return the states of every object the session holds, in the order they came; a live view, which must not be
     *     changed while it is walked
     */
    public Collection<InstanceState> states() {
        return heldView;
    }

    /** @return how many objects the session holds */
    public int size() {
        return states.size();
    }

    /**
     * @param key an identity key
     * @return the persistent object's state with that key, or null
     */
    public @Nullable InstanceState get(IdentityKey key) {
        return byKey.get(key);
    }

    /**
     * @param key an identity key
     * @param state the state of the persistent object with that key
     */
    public void putKey(IdentityKey key, InstanceState state) {
        byKey.put(key, state);
    }

    /**
     * @param key an identity key
     * @return the state that had it, or null
     */
    public @Nullable InstanceState removeKey(@Nullable IdentityKey key) {
        return key == null ? null : byKey.remove(key);
    }

    /**
     * Forgets a key only if it still names this object (another object may have taken it since).
     *
     * @param key an identity key, or null
     * @param state the object's state
     */
    public void removeKeyOf(@Nullable IdentityKey key, InstanceState state) {
        if (key != null && byKey.get(key) == state) {
            byKey.remove(key);
        }
    }

    /** @return the states of the persistent objects; a live view */
    public Collection<InstanceState> persistent() {
        return byKey.values();
    }

    /** @return how many persistent objects have a key in the map */
    public int keyCount() {
        return byKey.size();
    }

    /**
     * Sizes the maps once for {@code more} objects about to arrive (a load's rows, an addAll), when they outnumber
     * the objects already held: grown one doubling at a time, the two maps rehashed a 20,000-row load ten times over.
     *
     * @param more how many objects are about to arrive
     */
    public void reserve(int more) {
        int needed = states.size() + more;
        if (more > 64 && needed > sizedFor && more > states.size()) {
            Map<Object, InstanceState> grownStates = new IdentityHashMap<>(needed);
            grownStates.putAll(states);
            states = grownStates;
            Map<IdentityKey, InstanceState> grownKeys = new HashMap<>(needed + needed / 3 + 1);
            grownKeys.putAll(byKey);
            byKey = grownKeys;
            held.reserve(more);
            sizedFor = needed;
        }
    }

    /** Forgets every object. */
    public void clear() {
        states.clear();
        held.clear();
        byKey.clear();
    }
}
