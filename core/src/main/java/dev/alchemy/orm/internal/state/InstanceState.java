package dev.alchemy.orm.internal.state;

import dev.alchemy.orm.ObjectState;
import dev.alchemy.orm.internal.mapping.Attribute;
import dev.alchemy.orm.internal.mapping.IdentityKey;
import dev.alchemy.orm.internal.mapping.Mapper;
import dev.alchemy.orm.internal.mapping.RelationshipProperty;
import org.jspecify.annotations.Nullable;

/** What a session knows about one object: its mapper, identity, status and the values last loaded or flushed. */
public final class InstanceState {

    /** A snapshot value that matches no value: the row of a re-attached object was not found. */
    public static final Object UNKNOWN = Attribute.UNKNOWN;

    public final Object instance;
    public final Mapper<?> mapper;

    @Nullable
    public IdentityKey key;
    /** Stored values per attribute as last loaded or flushed; null while pending. */
    @Nullable
    public Object[] snapshot;

    public ObjectState status;
    /** This state's slot in the session's pending set, or -1 ({@link StateSet}). */
    public int pendingSlot = -1;
    /** This state's slot in the session's set of objects new in the transaction, or -1 ({@link StateSet}). */
    public int newSlot = -1;

    public boolean expired;
    /** Field values before the flush that inserted this object in the current transaction, to undo on rollback. */
    @Nullable
    public Object[] beforeInsert;

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

    public InstanceState(Object instance, Mapper<?> mapper, ObjectState status) {
        this.instance = instance;
        this.mapper = mapper;
        this.status = status;
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
        return get(r) instanceof CollectionState cs ? cs : null;
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
    public void collection(RelationshipProperty r, CollectionState state) {
        put(r, state);
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
        Object[] scratch = new Object[0];
        for (InstanceState s : states) {
            if (s.status == ObjectState.PERSISTENT) {
                int n = s.mapper.attributes.size();
                if (scratch.length < n) {
                    scratch = new Object[n];
                }
                if (s.isModified(scratch)) {
                    return true;
                }
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
