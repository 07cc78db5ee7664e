package dev.alchemy.orm.internal.state;

import dev.alchemy.exc.DetachedInstanceError;
import dev.alchemy.exc.InvalidRequestError;
import dev.alchemy.orm.internal.mapping.IdentityKey;
import dev.alchemy.orm.internal.mapping.RelationshipProperty;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The state behind a relationship collection: whether it is loaded, which load group loads it, what it held when
 * last loaded or flushed (to find additions, removals and orphans), and the back-reference bookkeeping.
 */
public final class CollectionState {

    public final SessionContext session;
    public final InstanceState owner;
    public final RelationshipProperty relationship;
    public final Collection<Object> items;

    @Nullable
    public LoadGroup group;

    public boolean loaded;
    public boolean raise;
    /** The elements as last loaded or flushed, by identity; never changed in place, only replaced. */
    public List<Object> flushed = List.of();
    /**
     * The session's epoch when the elements were last loaded or changed by a flush: a rollback unloads a collection
     * touched since its transaction (or savepoint) began, since what it holds may be what the rollback undid.
     */
    public long touched;

    public CollectionState(
            SessionContext session, InstanceState owner, RelationshipProperty relationship, Collection<Object> items) {
        this.session = session;
        this.owner = owner;
        this.relationship = relationship;
        this.items = items;
    }

    public void ensureLoaded() {
        if (loaded) {
            return;
        }
        if (raise) {
            throw new InvalidRequestError(relationship + " is not loaded and was set to raise on access; load it with "
                    + "Load.selectin(" + relationship.owner.type.getSimpleName() + "::get"
                    + Character.toUpperCase(relationship.name.charAt(0)) + relationship.name.substring(1)
                    + ") on the query");
        }
        if (!session.isOpen() || !session.contains(owner.instance)) {
            throw new DetachedInstanceError(owner.mapper.type.getSimpleName() + " " + keyText(owner)
                    + " is detached from its session, so " + relationship
                    + " cannot be loaded lazily. Load it before the "
                    + "session closes: use Load.selectin(...) (or Load.joined(...)) on the query, give the relationship "
                    + "loading = Loading.SELECTIN, or read it while the session is open.");
        }
        session.loadCollection(this);
    }

    /**
     * Sets the loaded content without firing back-references.
     *
     * @param content the elements; kept as the baseline, so the caller must not change the list afterwards
     */
    public void fill(List<Object> content) {
        items.clear();
        items.addAll(content);
        flushed = content;
        loaded = true;
        touched = session.epoch();
    }

    /**
     * Forgets the elements, so the next access loads them from the database, as SQLAlchemy's expiry of a collection
     * does: after a rollback the collection holds what the rows hold, not what the rolled-back work put in it.
     */
    public void unload() {
        items.clear();
        flushed = List.of();
        loaded = false;
        group = null;
    }

    /** @return whether the elements differ from those last loaded or flushed */
    public boolean changedSinceFlush() {
        Collection<Object> now = items;
        List<Object> before = flushed;
        if (now.size() != before.size()) {
            return true;
        }
        int i = 0;
        for (Object e : now) {
            if (e != before.get(i++)) {
                return true;
            }
        }
        return false;
    }

    public void added(Object element) {
        session.collectionChanged();
        RelationshipProperty back = relationship.back;
        if (back == null) {
            return;
        }
        if (back.collection) {
            Object other = back.get(element);
            if (other instanceof Tracked t && t.state().loaded && !containsIdentity(t.state().items, owner.instance)) {
                t.state().items.add(owner.instance);
            }
        } else {
            back.set(element, owner.instance);
        }
    }

    public void removed(Object element) {
        // no autoflush for a removal alone: a child taken out of one collection is often put into another after a
        // query finds it (a move), and an autoflush in between would delete it as an orphan
        RelationshipProperty back = relationship.back;
        if (back == null) {
            return;
        }
        if (back.collection) {
            Object other = back.get(element);
            if (other instanceof Tracked t && t.state().loaded) {
                t.state().items.removeIf(e -> e == owner.instance);
            }
        } else if (back.get(element) == owner.instance) {
            back.set(element, null);
        }
    }

    /** @return elements now present that were not when last loaded or flushed */
    public List<Object> additions() {
        Set<Object> before = identitySet(flushed);
        List<Object> added = new ArrayList<>();
        for (Object e : items) {
            if (!before.contains(e)) {
                added.add(e);
            }
        }
        return added;
    }

    /** @return elements present when last loaded or flushed and gone now */
    public List<Object> removals() {
        Set<Object> now = identitySet(items);
        List<Object> removed = new ArrayList<>();
        for (Object e : flushed) {
            if (!now.contains(e)) {
                removed.add(e);
            }
        }
        return removed;
    }

    public static Set<Object> identitySet(Collection<Object> items) {
        Set<Object> set = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        set.addAll(items);
        return set;
    }

    private static boolean containsIdentity(Collection<Object> items, Object o) {
        for (Object e : items) {
            if (e == o) {
                return true;
            }
        }
        return false;
    }

    /** A relationship collection that belongs to the session. */
    public interface Tracked {
        public CollectionState state();
    }

    private static String keyText(InstanceState state) {
        IdentityKey key = state.key();
        return key == null ? "(without a key)" : String.valueOf(key.id());
    }
}
