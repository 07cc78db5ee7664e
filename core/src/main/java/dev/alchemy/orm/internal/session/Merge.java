package dev.alchemy.orm.internal.session;

import dev.alchemy.exc.StaleDataError;
import dev.alchemy.orm.internal.mapping.Attribute;
import dev.alchemy.orm.internal.mapping.IdentityKey;
import dev.alchemy.orm.internal.mapping.Mapper;
import dev.alchemy.orm.internal.mapping.RelationshipProperty;
import dev.alchemy.orm.internal.state.CollectionState;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * {@code Session.merge}: copies the state of an object (detached, or of another session) onto the session's own
 * object with the same key, loaded or new, and along relationships with the merge cascade, as SQLAlchemy does.
 */
final class Merge {

    private final SessionImpl session;
    /** The session's object for each merged one, so that a graph with cycles is merged once per object. */
    private final Map<Object, Object> merged = new IdentityHashMap<>();

    Merge(SessionImpl session) {
        this.session = session;
    }

    /** Merges an object and, along relationships with the merge cascade, the objects it refers to. */
    @SuppressWarnings("unchecked")
    <T> T merge(T instance) {
        if (session.contains(instance)) {
            return instance;
        }
        Object done = merged.get(instance);
        if (done != null) {
            return (T) done;
        }
        Mapper<T> mapper = (Mapper<T>) Mapper.of(instance.getClass());
        IdentityKey key = IdentityKey.ofInstance(mapper, instance);
        if (key == null) {
            // a copy of a pending object of another session would be inserted by both sessions
            session.objects.refuseIfOwnedElsewhere(instance, "merge");
        }
        T found = key == null ? null : session.get(mapper.type, key.id());
        boolean isNew = found == null;
        T target;
        if (found == null) {
            target = mapper.newInstance();
        } else {
            target = found;
            checkMergedVersion(mapper, instance, target);
        }
        merged.put(instance, target);
        copy(mapper, instance, target);
        for (RelationshipProperty r : mapper.relationships) {
            r.resolve();
            Object value = r.get(instance);
            if (!r.merge || (value instanceof CollectionState.Tracked t && !t.state().loaded)) {
                continue; // not cascaded, or never loaded: leave the persistent object's relationship as it is
            }
            if (!r.collection) {
                r.set(target, value == null ? null : merge(value));
            } else if (value != null) {
                List<Object> items = new ArrayList<>();
                for (Object element : (Collection<?>) value) {
                    items.add(merge(element));
                }
                r.set(target, r.isSet ? new LinkedHashSet<>(items) : items);
            }
        }
        if (isNew) {
            session.add(target);
        }
        return target;
    }

    /**
     * Refuses to merge a copy whose version is not the stored one, as SQLAlchemy does: it was read before another
     * transaction changed the row, and merging it would overwrite that change. A copy without a version (null) takes
     * the persistent object's.
     */
    private static void checkMergedVersion(Mapper<?> mapper, Object copy, Object persistent) {
        Attribute version = mapper.version;
        if (version == null) {
            return;
        }
        Object merging = version.getRaw(copy);
        Object existing = version.getRaw(persistent);
        if (!unsetVersion(version, merging) && !version.sameValue(merging, existing)) {
            throw new StaleDataError("version " + merging + " of the merged " + SessionObjects.describe(copy, mapper)
                    + " does not match the stored version " + existing + " (" + mapper.type.getSimpleName() + "."
                    + version.name + "): the row was changed by another transaction since this copy was read, and "
                    + "merging it would overwrite that change. Reload the object and apply the edit again, or leave "
                    + "the version null when merging to take the stored one");
        }
    }

    private static void copy(Mapper<?> mapper, Object from, Object to) {
        Attribute version = mapper.version;
        for (Attribute a : mapper.attributes) {
            Object value = a.getRaw(from);
            if (a != version || !unsetVersion(version, value)) {
                a.setRaw(to, value);
            }
        }
    }

    /** Versions start at 1: null, or 0 in a primitive field, is a copy that never had one. */
    private static boolean unsetVersion(Attribute version, @Nullable Object value) {
        return value == null || (version.primitive && ((Number) value).longValue() == 0);
    }
}
