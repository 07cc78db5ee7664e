package dev.alchemy.orm.internal;

import dev.alchemy.orm.ObjectState;
import org.jspecify.annotations.Nullable;

/** What a session knows about one object: its mapper, identity, status and the values last loaded or flushed. */
final class InstanceState {

    /** A snapshot value that matches no value: the row of a re-attached object was not found. */
    static final Object UNKNOWN = new Object() {
        @Override
        public String toString() {
            return "<unknown>";
        }
    };

    final Object instance;
    final Mapper<?> mapper;

    @Nullable
    IdentityKey key;
    /** Stored values per attribute as last loaded or flushed; null while pending. */
    @Nullable
    Object[] snapshot;

    ObjectState status;
    /** This state's slot in the session's pending set, or -1 ({@link StateSet}). */
    int pendingSlot = -1;
    /** This state's slot in the session's set of objects new in the transaction, or -1 ({@link StateSet}). */
    int newSlot = -1;

    boolean expired;
    /** Field values before the flush that inserted this object in the current transaction, to undo on rollback. */
    @Nullable
    Object[] beforeInsert;

    /** Marks a relationship slot with no reference recorded. */
    private static final Object NOT_RECORDED = new Object();

    /**
     * The many-to-one references as last loaded or flushed (by {@link RelationshipProperty#ordinal}), to notice when
     * the application changes them; created on first use.
     */
    private @Nullable Object @Nullable [] references;

    /**
     * The session's collection for each collection relationship (by {@link RelationshipProperty#ordinal}), to diff
     * against when the application replaces one; created on first use.
     */
    private @Nullable CollectionState @Nullable [] collections;

    InstanceState(Object instance, Mapper<?> mapper, ObjectState status) {
        this.instance = instance;
        this.mapper = mapper;
        this.status = status;
    }

    /** @return the session's collection of a relationship of this object, or null */
    @Nullable
    CollectionState collection(RelationshipProperty r) {
        var all = collections;
        return all == null ? null : all[slot(r)];
    }

    /** The slot of a relationship: its ordinal, or found by name when it belongs to another class's mapper. */
    private int slot(RelationshipProperty r) {
        var relationships = mapper.relationships;
        if (r.ordinal < relationships.size() && relationships.get(r.ordinal) == r) {
            return r.ordinal;
        }
        for (int i = 0; i < relationships.size(); i++) {
            if (relationships.get(i).name.equals(r.name)) {
                return i;
            }
        }
        throw new IllegalStateException(r + " is not a relationship of " + mapper.type.getName());
    }

    /** Records the session's collection of a relationship of this object. */
    void collection(RelationshipProperty r, CollectionState state) {
        var all = collections;
        if (all == null) {
            all = new CollectionState[mapper.relationships.size()];
            collections = all;
        }
        all[slot(r)] = state;
    }

    /** Records a many-to-one reference as loaded or flushed. */
    void reference(RelationshipProperty r, @Nullable Object target) {
        var all = references;
        if (all == null) {
            all = new Object[mapper.relationships.size()];
            java.util.Arrays.fill(all, NOT_RECORDED);
            references = all;
        }
        all[slot(r)] = target;
    }

    /** @return whether a many-to-one reference was recorded as loaded or flushed */
    boolean hasReference(RelationshipProperty r) {
        var all = references;
        return all != null && all[slot(r)] != NOT_RECORDED;
    }

    /** @return the many-to-one reference as last loaded or flushed, or null when none (or none recorded) */
    @Nullable
    Object reference(RelationshipProperty r) {
        var all = references;
        if (all == null) {
            return null;
        }
        Object target = all[slot(r)];
        return target == NOT_RECORDED ? null : target;
    }

    /** @return the current stored values of every attribute */
    Object[] current() {
        Object[] values = new Object[mapper.attributes.size()];
        mapper.readAll(instance, values);
        return values;
    }

    /**
     * Whether any attribute differs from the snapshot, without allocating: autoflush asks this of every persistent
     * object before every query.
     *
     * @param scratch an array at least as long as the attributes, to read the current values into
     * @return true when an attribute changed since the last load or flush
     */
    boolean isModified(Object[] scratch) {
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
    int[] changed(Object[] current) {
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
