package dev.alchemy.orm.internal.relationships;

import dev.alchemy.orm.ObjectState;
import dev.alchemy.orm.WriteOnlyCollection;
import dev.alchemy.orm.internal.mapping.Attribute;
import dev.alchemy.orm.internal.mapping.Mapper;
import dev.alchemy.orm.internal.mapping.RelationshipProperty;
import dev.alchemy.orm.internal.mapping.RelationshipProperty.Kind;
import dev.alchemy.orm.internal.mapping.WriteOnly;
import dev.alchemy.orm.internal.state.CollectionState;
import dev.alchemy.orm.internal.state.CollectionState.Tracked;
import dev.alchemy.orm.internal.state.InstanceState;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What a flush does along relationships, as SQLAlchemy's dependency processors: foreign keys set from references and
 * from parents' keys, the association rows of many-to-many collections, and the new baselines after the flush.
 */
public final class RelationshipSync {

    private RelationshipSync() {}

    /** Sets foreign keys from many-to-one references, before the objects are written. */
    public static void syncReferences(List<InstanceState> states) {
        for (InstanceState st : states) {
            for (RelationshipProperty r : st.mapper.relationshipArray) {
                if (r.kind != Kind.MANY_TO_ONE) {
                    continue;
                }
                Object ref = r.get(st.instance);
                if (ref != null) {
                    Object key = r.referredKey.get(ref);
                    if (key != null) {
                        r.foreignKey.set(st.instance, key);
                    }
                } else if (st.reference(r) != null) {
                    r.foreignKey.set(st.instance, null); // the application cleared the reference
                }
            }
        }
    }

    /** Sets the children's foreign keys from their parents' keys, after the parents are written. */
    public static void syncChildren(List<InstanceState> parents) {
        for (InstanceState st : parents) {
            for (RelationshipProperty r : st.mapper.writeOnly) {
                WriteOnlyCollection<?> c = WriteOnly.of(r, st.instance);
                if (c != null && !WriteOnly.added(c).isEmpty()) {
                    r.resolve();
                    Object key = r.referredKey.get(st.instance);
                    for (Object child : WriteOnly.added(c)) {
                        if (!Attribute.same(r.foreignKey.get(child), key)) {
                            r.foreignKey.set(child, key);
                        }
                    }
                }
            }
            for (RelationshipProperty r : st.mapper.relationshipArray) {
                if (r.kind != Kind.ONE_TO_MANY && r.kind != Kind.ONE_TO_ONE) {
                    continue;
                }
                List<Object> children = Cascades.loadedTargets(st, r);
                if (children.isEmpty()) {
                    continue; // the parent's key is not read for nothing: a collection not loaded is most UPDATEs'
                }
                Object key = r.referredKey.get(st.instance);
                for (Object child : children) {
                    if (!Attribute.same(r.foreignKey.get(child), key)) {
                        r.foreignKey.set(child, key);
                    }
                }
            }
        }
    }

    /** The association rows to insert and delete for the many-to-many collections of these objects. */
    public static void associationChanges(
            Collection<InstanceState> states,
            Map<String, Map<List<Object>, Boolean>> rowsByTable,
            Map<String, RelationshipProperty> relationOf) {
        for (InstanceState st : states) {
            for (RelationshipProperty r : st.mapper.relationshipArray) {
                if (r.kind != Kind.MANY_TO_MANY) {
                    continue;
                }
                boolean deletedOwner = st.status() == ObjectState.DELETED;
                Object value = r.get(st.instance);
                if (!(value instanceof Tracked t) || (!t.state().loaded && !deletedOwner)) {
                    continue;
                }
                Object ownerKey = r.referredKey.get(st.instance);
                List<Object> added = deletedOwner ? List.of() : t.state().additions();
                List<Object> removed = deletedOwner
                        ? (t.state().loaded ? t.state().flushed : List.of())
                        : t.state().removals();
                Map<List<Object>, Boolean> rows =
                        rowsByTable.computeIfAbsent(r.secondary, k -> new java.util.LinkedHashMap<>());
                relationOf.putIfAbsent(r.secondary, r);
                boolean canonical = relationOf.get(r.secondary) == r;
                for (Object target : added) {
                    rows.put(pair(canonical, ownerKey, r.foreignKey.get(target)), true);
                }
                for (Object target : removed) {
                    rows.put(pair(canonical, ownerKey, r.foreignKey.get(target)), false);
                }
            }
        }
    }

    private static List<Object> pair(boolean canonical, @Nullable Object ownerKey, @Nullable Object targetKey) {
        return canonical ? java.util.Arrays.asList(ownerKey, targetKey) : java.util.Arrays.asList(targetKey, ownerKey);
    }

    /**
     * After a flush: what the collections and references hold now is the new baseline. Collections whose elements
     * changed are marked with the epoch, for a rollback to unload.
     */
    public static void afterFlush(Collection<InstanceState> states, long epoch) {
        for (InstanceState st : states) {
            for (RelationshipProperty r : st.mapper.writeOnly) {
                WriteOnlyCollection<?> c = WriteOnly.of(r, st.instance);
                if (c != null) { // written: what waited in it is the rows' now
                    WriteOnly.added(c).clear();
                    WriteOnly.removed(c).clear();
                }
            }
            for (RelationshipProperty r : st.mapper.relationshipArray) {
                if (r.collection) {
                    if (r.get(st.instance) instanceof Tracked t && t.state().loaded) {
                        CollectionState cs = t.state();
                        if (cs.changedSinceFlush()) {
                            Collection<Object> items = cs.items;
                            cs.flushed = items.isEmpty() ? List.of() : new ArrayList<>(items);
                            cs.touched = epoch;
                        }
                    }
                } else if (r.kind == Kind.MANY_TO_ONE) {
                    st.reference(r, r.get(st.instance));
                }
            }
        }
    }

    /** The self-referential many-to-one of a mapper, or null. */
    public static @Nullable RelationshipProperty selfReference(Mapper<?> mapper) {
        for (RelationshipProperty r : mapper.relationshipArray) {
            r.resolve();
            if (r.kind == Kind.MANY_TO_ONE && r.target == mapper) {
                return r;
            }
        }
        return null;
    }

    /** The self-referential one-to-many of a mapper, or null. */
    public static @Nullable RelationshipProperty selfCollection(Mapper<?> mapper) {
        for (RelationshipProperty r : mapper.relationshipArray) {
            r.resolve();
            if (r.kind == Kind.ONE_TO_MANY && r.target == mapper) {
                return r;
            }
        }
        return null;
    }
}
