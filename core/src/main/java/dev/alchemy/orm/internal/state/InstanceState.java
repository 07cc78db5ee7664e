package dev.alchemy.orm.internal.state;

import dev.alchemy.orm.ObjectState;
import dev.alchemy.orm.internal.mapping.Attribute;
import dev.alchemy.orm.internal.mapping.IdentityKey;
import dev.alchemy.orm.internal.mapping.Mapper;
import dev.alchemy.orm.internal.mapping.RelationshipProperty;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** What a session knows about one object: its mapper, identity, status and the values last loaded or flushed. */
public final class InstanceState {

    /** A snapshot value that matches no value: the row of a re-attached object was not found. */
    public static final Object UNKNOWN = Attribute.UNKNOWN;

    public final Object instance;
    public final Mapper<?> mapper;

    private @Nullable IdentityKey key;
    /** Stored values per attribute as last loaded or flushed; null while pending. */
    private @Nullable Object @Nullable [] snapshot;

    private ObjectState status;
    /** This state's slot in the session's pending set, or -1 ({@link StateSet}). */
    int pendingSlot = -1;
    /** This state's slot in the session's set of objects new in the transaction, or -1 ({@link StateSet}). */
    int newSlot = -1;
    /** This state's slot in its session's identity map's order of objects, or -1 ({@link StateSet}). */
    int heldSlot = -1;

    private boolean expired;
    /** Field values before the flush that inserted this object in the current transaction, to undo on rollback. */
    private @Nullable Object @Nullable [] beforeInsert;
    /** The values a flush is inserting, from when it reads them until the row is written (then the snapshot). */
    private @Nullable Object @Nullable [] inserting;

    /** Marks a relationship slot with nothing recorded. */
    private static final Object NOT_RECORDED = new Object();

    /**
     * What the session keeps per relationship (by {@link RelationshipProperty#ordinal}): for a collection, the
     * session's collection, to diff against when the application replaces it; for a many-to-one, the reference as
     * last loaded or flushed, to notice when the application changes it. Created on first use; a class with a single
     * relationship keeps its one slot in {@link #onlyRelated} instead of an array.
     */
    private @Nullable Object @Nullable [] related;

    private @Nullable Object onlyRelated = NOT_RECORDED;

    /**
     * @param instance the object
     * @param mapper its mapper
     * @param status its status (pending, for a new object)
     */
    public InstanceState(Object instance, Mapper<?> mapper, ObjectState status) {
        this.instance = instance;
        this.mapper = mapper;
        this.status = status;
    }

    /**
     * The state of an object the session built from a row: persistent, its key and snapshot the row's.
     *
     * @param instance the new object
     * @param mapper its mapper
     * @param key its identity key
     * @param values the row's values, kept as the snapshot
     * @return its state
     */
    public static InstanceState loaded(Object instance, Mapper<?> mapper, IdentityKey key, Object[] values) {
        InstanceState state = new InstanceState(instance, mapper, ObjectState.PERSISTENT);
        state.key = key;
        state.snapshot = values;
        return state;
    }

    /**
     * The state of a detached object made persistent again: its key known, its snapshot not yet read.
     *
     * @param instance the object
     * @param mapper its mapper
     * @param key its identity key
     * @return its state
     */
    public static InstanceState reattached(Object instance, Mapper<?> mapper, IdentityKey key) {
        InstanceState state = new InstanceState(instance, mapper, ObjectState.PERSISTENT);
        state.key = key;
        return state;
    }

    // ---------------------------------------------------------------- what the session knows

    /** @return the identity key, or null while pending */
    public @Nullable IdentityKey key() {
        return key;
    }

    /** @return the stored values as last loaded or flushed, or null while pending (or before a re-attached read) */
    public @Nullable Object @Nullable [] snapshot() {
        return snapshot;
    }

    /** @return pending, persistent or deleted */
    public ObjectState status() {
        return status;
    }

    /** @return whether the next access or query reloads the fields */
    public boolean expired() {
        return expired;
    }

    /** @return the field values before this transaction's INSERT of the object, or null when it made none */
    public @Nullable Object @Nullable [] beforeInsert() {
        return beforeInsert;
    }

    // ---------------------------------------------------------------- transitions

    /** Deleted, or added back after a delete, the object is persistent again. */
    public void markPersistent() {
        status = ObjectState.PERSISTENT;
    }

    /** The application deleted the object; the flush deletes its row. */
    public void markDeleted() {
        status = ObjectState.DELETED;
    }

    /** The next access or query reloads the fields (changed ones keep their new value). */
    public void expire() {
        expired = true;
    }

    /** Refreshing: the load about to run overwrites every field, changed ones too. */
    public void unexpire() {
        expired = false;
    }

    /**
     * A row was loaded into the object's fields: it is its new snapshot, and the object is no longer expired.
     *
     * @param values the row's values
     */
    public void populated(Object[] values) {
        snapshot = values;
        expired = false;
    }

    /**
     * The stored values as read for a re-attached object (or unknown, when its row is gone).
     *
     * @param values the values
     */
    public void snapshotRead(Object[] values) {
        snapshot = values;
    }

    /**
     * Before its INSERT: the field values to put back if the transaction rolls back.
     *
     * @param before the field values
     */
    public void insertStarting(Object[] before) {
        beforeInsert = before;
    }

    /**
     * After its INSERT: persistent, with the key and values the row holds.
     *
     * @param key its identity key
     * @param values its stored values
     */
    public void inserted(IdentityKey key, Object[] values) {
        status = ObjectState.PERSISTENT;
        snapshot = values;
        this.key = key;
        inserting = null;
    }

    /**
     * During a flush, the values its INSERT writes: the flush's passes over the new objects (batches, keys read
     * back, the rows of a joined-table class's other tables) find them here rather than in a map by object, whose
     * hashing and lookups were a tenth of W1's own samples.
     *
     * @param values the values, by attribute index; the database's keys and defaults are written into it
     */
    public void inserting(@Nullable Object[] values) {
        inserting = values;
    }

    /** @return the values its INSERT writes, set by {@link #inserting(Object[])} earlier in this flush */
    public @Nullable Object[] inserting() {
        Object[] values = inserting;
        if (values == null) {
            throw new IllegalStateException(this + " has no values to insert");
        }
        return values;
    }

    /** The transaction that inserted the object committed: there is no INSERT to undo any more. */
    public void insertCommitted() {
        beforeInsert = null;
    }

    /**
     * Puts the object back as it was before the INSERT of the rolled-back transaction: pending, without key or
     * snapshot, its fields (generated keys, versions) as the application had set them.
     */
    public void undoInsert() {
        Object[] before = beforeInsert;
        if (before == null) {
            return;
        }
        List<Attribute> attributes = mapper.attributes;
        for (int i = 0; i < before.length; i++) {
            Attribute a = attributes.get(i);
            if (!a.primitive || before[i] != null) {
                a.setRaw(instance, before[i]);
            }
        }
        beforeInsert = null;
        inserting = null;
        snapshot = null;
        key = null;
        status = ObjectState.PENDING;
    }

    /**
     * After its UPDATE (or when a rollback puts back what an UPDATE overwrote): the key and stored values.
     *
     * @param key its identity key (a changed primary key changes it)
     * @param values its stored values
     */
    public void written(IdentityKey key, Object[] values) {
        this.key = key;
        snapshot = values;
    }

    private @Nullable Object get(RelationshipProperty r) {
        int slot = slot(r);
        if (mapper.relationshipArray.length == 1) {
            return onlyRelated;
        }
        var all = related;
        return all == null ? NOT_RECORDED : all[slot];
    }

    private void put(RelationshipProperty r, @Nullable Object value) {
        int slot = slot(r);
        if (mapper.relationshipArray.length == 1) {
            onlyRelated = value;
            return;
        }
        var all = related;
        if (all == null) {
            all = new Object[mapper.relationshipArray.length];
            java.util.Arrays.fill(all, NOT_RECORDED);
            related = all;
        }
        all[slot] = value;
    }

    /** @return the session's collection of a relationship of this object, or null */
    @Nullable
    public CollectionState collection(RelationshipProperty r) {
        return get(r) instanceof CollectionState.Tracked t ? t.state() : null;
    }

    /** The slot of a relationship: its ordinal, or found by name when it belongs to another class's mapper. */
    private int slot(RelationshipProperty r) {
        RelationshipProperty[] own = mapper.relationshipArray;
        if (r.ordinal < own.length && own[r.ordinal] == r) {
            return r.ordinal;
        }
        var relationships = mapper.relationships;
        for (int i = 0; i < relationships.size(); i++) {
            if (relationships.get(i).name.equals(r.name)) {
                return i;
            }
        }
        throw new IllegalStateException(r + " is not a relationship of " + mapper.type.getName());
    }

    /**
     * Records the session's collection of a relationship of this object. The slot keeps the tracked collection
     * itself, the object the field holds, so that autoflush sees a replaced collection by comparing two references.
     */
    public void collection(RelationshipProperty r, CollectionState.Tracked tracked) {
        put(r, tracked);
    }

    /** Records a many-to-one reference as loaded or flushed. */
    public void reference(RelationshipProperty r, @Nullable Object target) {
        put(r, target);
    }

    /** @return whether a many-to-one reference was recorded as loaded or flushed */
    public boolean hasReference(RelationshipProperty r) {
        return get(r) != NOT_RECORDED;
    }

    /** @return the many-to-one reference as last loaded or flushed, or null when none (or none recorded) */
    @Nullable
    public Object reference(RelationshipProperty r) {
        Object target = get(r);
        return target == NOT_RECORDED ? null : target;
    }

    /** @return the current stored values of every attribute */
    public Object[] current() {
        Object[] values = new Object[mapper.attributes.size()];
        mapper.readAll(instance, values);
        return values;
    }

    /**
     * Whether any persistent object among these changed since it was last loaded or flushed: autoflush asks this of
     * the whole session before every query, so the objects are read into one scratch array.
     *
     * @param states the objects; those not persistent are passed over
     * @return true at the first changed one
     */
    public static boolean anyModified(Iterable<InstanceState> states) {
        return anyModified(states, false);
    }

    /**
     * Whether any persistent object among these changed since it was last loaded or flushed, or (with {@code
     * collections}) had a collection replaced by the application with one of its own, which the next flush diffs
     * against the stored elements. One walk over the objects, each read into one scratch array.
     *
     * @param states the objects; those not persistent are passed over
     * @param collections whether to look for replaced collections too
     * @return true at the first changed one
     */
    public static boolean anyModified(Iterable<InstanceState> states, boolean collections) {
        Object[] scratch = new Object[0];
        for (InstanceState s : states) {
            if (s.status == ObjectState.PERSISTENT) {
                Mapper<?> m = s.mapper;
                int n = Math.max(m.attributes.size(), m.collections.length);
                if (scratch.length < n) {
                    scratch = new Object[n];
                }
                if (collections && m.collections.length > 0 && s.collectionReplaced(scratch)) {
                    return true;
                }
                if (s.isModified(scratch)) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Whether a collection field holds something other than the session's tracked collection of it. A collection's
     * slot holds its tracked collection or nothing ({@link #collection(RelationshipProperty, CollectionState.Tracked)}),
     * so two references are compared and neither collection is touched: this runs for every object before every query.
     */
    private boolean collectionReplaced(Object[] scratch) {
        RelationshipProperty[] collections = mapper.collections;
        Object[] all = related;
        if (mapper.relationshipArray.length != 1 && all == null) {
            return false; // no slot recorded: the session tracks none of its collections
        }
        mapper.readCollections(instance, scratch);
        for (int i = 0; i < collections.length; i++) {
            // the mapper's own relationships: the slot is the ordinal
            Object tracked = all == null ? onlyRelated : all[collections[i].ordinal];
            if (tracked != NOT_RECORDED && tracked != null && scratch[i] != tracked) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether any attribute differs from the snapshot, without allocating.
     *
     * @param scratch an array at least as long as the attributes, to read the current values into
     * @return true when an attribute changed since the last load or flush
     */
    public boolean isModified(Object[] scratch) {
        Object[] snap = snapshot;
        if (snap == null) {
            return false;
        }
        mapper.readAll(instance, scratch);
        for (int i = 0; i < snap.length; i++) {
            Object now = scratch[i];
            if (now != snap[i] && !mapper.attributes.get(i).sameValue(now, snap[i])) {
                return true;
            }
        }
        return false;
    }

    /** @return the indexes of attributes whose value differs from the snapshot, or an empty array */
    public int[] changed(Object[] current) {
        Object[] snap = snapshot;
        if (snap == null) {
            return new int[0];
        }
        int count = 0;
        int[] changed = null;
        for (int i = 0; i < current.length; i++) {
            if (!mapper.attributes.get(i).sameValue(current[i], snap[i])) {
                if (changed == null) {
                    changed = new int[current.length];
                }
                changed[count++] = i;
            }
        }
        return changed == null ? new int[0] : java.util.Arrays.copyOf(changed, count);
    }

    @Override
    public String toString() {
        return mapper.type.getSimpleName()
                + (key == null ? "(pending)" : key.id().toString()) + " " + status;
    }
}
