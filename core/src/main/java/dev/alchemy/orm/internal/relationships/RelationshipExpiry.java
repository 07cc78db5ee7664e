package dev.alchemy.orm.internal.relationships;

import dev.alchemy.orm.ObjectState;
import dev.alchemy.orm.internal.loading.RelationshipLoader;
import dev.alchemy.orm.internal.mapping.Attribute;
import dev.alchemy.orm.internal.mapping.RelationshipProperty;
import dev.alchemy.orm.internal.mapping.RelationshipProperty.Kind;
import dev.alchemy.orm.internal.state.CollectionState;
import dev.alchemy.orm.internal.state.CollectionState.Tracked;
import dev.alchemy.orm.internal.state.InstanceState;
import dev.alchemy.orm.internal.state.SessionContext;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** What a rollback does to relationships: they show again what the rows hold. */
public final class RelationshipExpiry {

    private final SessionContext session;
    private final RelationshipLoader loader;

    /**
     * @param session the session rolled back
     * @param loader its relationship loader
     */
    public RelationshipExpiry(SessionContext session, RelationshipLoader loader) {
        this.session = session;
        this.loader = loader;
    }

    /**
     * After a rollback, relationships show what the rows hold, as SQLAlchemy's expiry of every attribute does:
     * collections that the rolled-back work changed (flushed or not) are unloaded and load again on next access, and
     * many-to-one references follow the foreign keys that the rollback put back. Without this, an object the rollback
     * made transient would stay in its parent's collection, and the next commit would insert it again.
     *
     * @param states the objects of the session, their columns already put back
     * @param since the epoch at which the rolled-back transaction or savepoint began: collections loaded or flushed
     *     since then may hold what the rollback undid
     */
    public void afterRollback(Collection<InstanceState> states, long since) {
        Map<RelationshipProperty, List<InstanceState>> toLoad = null;
        for (InstanceState st : states) {
            if (st.status() != ObjectState.PERSISTENT || st.mapper.relationshipArray.length == 0) {
                continue;
            }
            for (RelationshipProperty r : st.mapper.relationshipArray) {
                if (r.collection) {
                    CollectionState cs = st.collection(r);
                    Object value = r.get(st.instance);
                    if (value instanceof Tracked t && t.state() == cs) {
                        if (cs.loaded && (cs.touched >= since || cs.changedSinceFlush())) {
                            cs.unload();
                        }
                    } else if (cs != null) {
                        loader.newCollection(
                                st, r); // the application replaced the collection: the stored one comes back
                    }
                } else if (r.kind == Kind.MANY_TO_ONE) {
                    Object fk = r.foreignKey.get(st.instance);
                    Object now = r.get(st.instance);
                    if (now != null
                            && fk != null
                            && session.contains(now)
                            && Attribute.same(r.referredKey.get(now), fk)) {
                        st.reference(r, now);
                        continue;
                    }
                    Object target = fk == null ? null : session.loaded(r.target, fk);
                    if (fk != null && target == null) {
                        if (toLoad == null) {
                            toLoad = new java.util.LinkedHashMap<>();
                        }
                        toLoad.computeIfAbsent(r, k -> new ArrayList<>()).add(st);
                        continue;
                    }
                    r.set(st.instance, target);
                    st.reference(r, target);
                }
            }
        }
        if (toLoad != null) {
            toLoad.forEach(loader::loadReferences);
        }
    }
}
