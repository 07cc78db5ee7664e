package dev.alchemy.orm.internal.flush;

import dev.alchemy.engine.Connection;
import dev.alchemy.exc.AlchemyException;
import dev.alchemy.orm.ObjectState;
import dev.alchemy.orm.internal.mapping.Attribute;
import dev.alchemy.orm.internal.mapping.Mapper;
import dev.alchemy.orm.internal.mapping.RelationshipProperty;
import dev.alchemy.orm.internal.relationships.RelationshipSync;
import dev.alchemy.orm.internal.state.InstanceState;
import dev.alchemy.schema.Table;
import dev.alchemy.sql.BindParam;
import dev.alchemy.sql.ColumnElement;
import dev.alchemy.sql.Delete;
import dev.alchemy.sql.Insert;
import dev.alchemy.sql.Update;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One flush, as SQLAlchemy's {@code unitofwork.py}: the order of the statements (parents' INSERTs first, then UPDATEs,
 * then children's DELETEs first; cycles broken by post-updates, see {@link FlushOrder}), foreign keys synchronised
 * between them, and the association rows of many-to-many collections. The statements themselves are written by
 * {@link Inserts} and {@link Persistence}.
 */
public final class UnitOfWork {

    /** Parents per UPDATE that lets their unloaded children go, as a selectin load chunks its keys. */
    private static final int DETACH_CHUNK = 500;

    private final FlushContext session;
    private final Inserts inserter;
    private final Persistence persistence;
    private final FlushEvents events;

    /** @param session the session flushed */
    public UnitOfWork(FlushContext session) {
        this.session = session;
        this.inserter = new Inserts(session);
        this.persistence = new Persistence(session);
        this.events = new FlushEvents(session);
    }

    /**
     * Writes the changes of the session's objects.
     *
     * @param pending the objects to insert
     * @param persistent the persistent objects, some changed
     * @param deleted the objects to delete
     * @param all every object of the session
     * @param detaches per one-to-many relationship, the keys of deleted parents whose children, not loaded, are let
     *     go by an UPDATE of their foreign key to NULL before the parents' DELETE
     */
    public void run(
            List<InstanceState> pending,
            List<InstanceState> persistent,
            List<InstanceState> deleted,
            List<InstanceState> all,
            Map<RelationshipProperty, List<Object>> detaches) {
        Map<Mapper<?>, List<InstanceState>> inserts = byMapper(pending);
        Map<Mapper<?>, List<InstanceState>> saved = byMapper(persistent);
        Map<Mapper<?>, List<InstanceState>> deletes = byMapper(deleted);
        Set<Mapper<?>> involved = new LinkedHashSet<>(inserts.keySet());
        involved.addAll(saved.keySet());
        involved.addAll(deletes.keySet());
        if (inserts.isEmpty() && deletes.isEmpty() && !anyChange(persistent, all)) {
            return;
        }
        Set<Attribute> postKeys = FlushOrder.postUpdateKeys(involved);
        List<List<Mapper<?>>> groups = FlushOrder.groups(involved, postKeys);
        // every order is settled before the first statement, so a cycle is refused with nothing written
        List<List<List<InstanceState>>> insertLevels = new ArrayList<>(groups.size());
        List<List<List<InstanceState>>> deleteLevels = new ArrayList<>(groups.size());
        for (List<Mapper<?>> group : groups) {
            insertLevels.add(levels(group, inserts));
            deleteLevels.add(levels(group, deletes));
        }
        Map<Mapper<?>, List<InstanceState>> updated = new HashMap<>();
        for (int g = 0; g < groups.size(); g++) {
            List<Mapper<?>> group = groups.get(g);
            Mapper<?> m = group.get(0);
            try {
                for (Mapper<?> member : group) {
                    RelationshipSync.syncReferences(saved.getOrDefault(member, List.of()));
                }
                // before_insert, before_update: what the listeners change is written by the statements below
                for (Mapper<?> member : group) {
                    m = member;
                    identify(m, inserts.getOrDefault(m, List.of()));
                    events.fire(m, inserts.getOrDefault(m, List.of()), FlushEvents.Event.BEFORE_INSERT);
                    if (events.any(m)) {
                        events.fire(m, changed(saved.getOrDefault(m, List.of())), FlushEvents.Event.BEFORE_UPDATE);
                    }
                }
                for (List<InstanceState> level : insertLevels.get(g)) {
                    for (Map.Entry<Mapper<?>, List<InstanceState>> e :
                            FlushOrder.byClass(group, level).entrySet()) {
                        m = e.getKey();
                        RelationshipSync.syncReferences(e.getValue());
                        inserter.insert(session.writeConnection(m), m, e.getValue());
                        RelationshipSync.syncChildren(e.getValue());
                    }
                }
                for (Mapper<?> member : group) {
                    m = member;
                    List<InstanceState> existing = saved.getOrDefault(m, List.of());
                    if (group.size() > 1) {
                        RelationshipSync.syncReferences(existing); // the group's new objects have their keys now
                    }
                    List<Persistence.Change> changes = changes(existing);
                    persistence.update(session.writeConnection(m), m, changes);
                    RelationshipSync.syncChildren(existing);
                    if (!changes.isEmpty() && events.any(m)) {
                        updated.put(
                                m,
                                changes.stream().map(Persistence.Change::state).toList());
                    }
                }
                for (Mapper<?> member : group) {
                    m = member;
                    events.fire(m, inserts.getOrDefault(m, List.of()), FlushEvents.Event.AFTER_INSERT);
                    events.fire(m, updated.getOrDefault(m, List.of()), FlushEvents.Event.AFTER_UPDATE);
                }
            } catch (AlchemyException e) {
                throw Errors.withPrefix(e, "(while flushing " + m.type.getSimpleName() + ") ");
            }
        }
        associationRows(session, all);
        if (!postKeys.isEmpty()) {
            postUpdate(groups, postKeys, saved, deletes);
        }
        detachChildren(detaches);
        for (int g = groups.size() - 1; g >= 0; g--) {
            List<Mapper<?>> group = groups.get(g);
            List<List<InstanceState>> levels = deleteLevels.get(g);
            Mapper<?> m = group.get(0);
            try {
                for (int l = levels.size() - 1; l >= 0; l--) { // children before their parents
                    List<Map.Entry<Mapper<?>, List<InstanceState>>> byClass = new ArrayList<>(
                            FlushOrder.byClass(group, levels.get(l)).entrySet());
                    for (int c = byClass.size() - 1; c >= 0; c--) {
                        m = byClass.get(c).getKey();
                        List<InstanceState> states = byClass.get(c).getValue();
                        events.fire(m, states, FlushEvents.Event.BEFORE_DELETE);
                        persistence.delete(session.writeConnection(m), m, states);
                        events.fire(m, states, FlushEvents.Event.AFTER_DELETE);
                    }
                }
            } catch (AlchemyException e) {
                throw Errors.withPrefix(e, "(while flushing " + m.type.getSimpleName() + ") ");
            }
        }
    }

    /**
     * Sets the foreign key of the children of deleted parents to NULL with one {@code UPDATE ... WHERE fk IN (...)}
     * per 500 parents, before the parents' DELETE: the children whose parent's collection was never loaded, which
     * SQLAlchemy would load first only to change them one by one (issue 26, W7). Those of the session were changed
     * in memory already and are written as any change.
     */
    /** Sets the discriminator of a hierarchy's new objects to their class's identity, before the listeners see them. */
    private static void identify(Mapper<?> m, List<InstanceState> states) {
        Attribute discriminator = m.discriminator;
        if (discriminator != null) {
            for (InstanceState s : states) {
                discriminator.set(s.instance, m.polymorphicIdentity);
            }
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private void detachChildren(Map<RelationshipProperty, List<Object>> detaches) {
        for (Map.Entry<RelationshipProperty, List<Object>> e : detaches.entrySet()) {
            RelationshipProperty r = e.getKey();
            Mapper<?> child = r.target;
            Table childTable = child.tableOf(r.foreignKey);
            ColumnElement<Object> foreignKey = (ColumnElement) childTable.c(r.foreignKey.columnName);
            Map<String, Object> toNull = new HashMap<>();
            toNull.put(r.foreignKey.columnName, null);
            List<Object> keys = e.getValue();
            try {
                Connection conn = session.writeConnection(child);
                for (int from = 0; from < keys.size(); from += DETACH_CHUNK) {
                    List<Object> chunk = keys.subList(from, Math.min(keys.size(), from + DETACH_CHUNK));
                    conn.execute(Update.of(childTable).values(toNull).where(foreignKey.in(chunk)));
                }
            } catch (AlchemyException ex) {
                throw Errors.withPrefix(ex, "(while flushing " + child.type.getSimpleName() + ") ");
            }
        }
    }

    /** The objects of a group to insert (or delete), in levels: one level unless they must be ordered one by one. */
    private static List<List<InstanceState>> levels(
            List<Mapper<?>> group, Map<Mapper<?>, List<InstanceState>> byMapper) {
        if (group.size() == 1) {
            List<InstanceState> states = byMapper.getOrDefault(group.get(0), List.of());
            if (states.isEmpty()) {
                return List.of();
            }
            return FlushOrder.needsObjectOrder(group) ? FlushOrder.levels(states) : List.of(states);
        }
        List<InstanceState> states = new ArrayList<>();
        for (Mapper<?> m : group) {
            states.addAll(byMapper.getOrDefault(m, List.of()));
        }
        return states.isEmpty() ? List.of() : FlushOrder.levels(states);
    }

    /** The persistent objects among these whose stored values changed (those a flush updates). */
    private static List<InstanceState> changed(List<InstanceState> states) {
        List<InstanceState> changed = new ArrayList<>();
        for (InstanceState s : states) {
            if (s.status() == ObjectState.PERSISTENT && s.changed(s.current()).length > 0) {
                changed.add(s);
            }
        }
        return changed;
    }

    /** The persistent objects among these whose stored values changed. */
    private static List<Persistence.Change> changes(List<InstanceState> states) {
        List<Persistence.Change> changes = new ArrayList<>();
        int[] last = null;
        for (InstanceState s : states) {
            if (s.status() != ObjectState.PERSISTENT) {
                continue;
            }
            Object[] current = s.current();
            int[] changed = s.changed(current);
            if (changed.length > 0) {
                // objects changed in the same columns share one array: the UPDATEs are grouped by it
                if (last != null && Arrays.equals(changed, last)) {
                    changed = last;
                } else {
                    last = changed;
                }
                changes.add(new Persistence.Change(s, changed, current));
            }
        }
        return changes;
    }

    /**
     * SQLAlchemy's post_update: once every row exists, UPDATEs write the foreign keys of {@code postUpdate}
     * relationships that their INSERT could not (the object referred to was new too), and before rows are deleted,
     * UPDATEs set those keys to NULL, so that no order of DELETEs is needed either.
     */
    private void postUpdate(
            List<List<Mapper<?>>> groups,
            Set<Attribute> postKeys,
            Map<Mapper<?>, List<InstanceState>> saved,
            Map<Mapper<?>, List<InstanceState>> deletes) {
        Map<Mapper<?>, List<InstanceState>> insertedBy = byMapper(inserter.inserted());
        for (List<Mapper<?>> group : groups) {
            for (Mapper<?> m : group) {
                if (!ownsAny(m, postKeys)) {
                    continue;
                }
                List<InstanceState> states = new ArrayList<>(insertedBy.getOrDefault(m, List.of()));
                states.addAll(saved.getOrDefault(m, List.of()));
                RelationshipSync.syncReferences(states);
                try {
                    Connection conn = session.writeConnection(m); // the model's database (binds)
                    persistence.update(conn, m, changes(states));
                    List<Persistence.Change> cleared = new ArrayList<>();
                    for (InstanceState s : deletes.getOrDefault(m, List.of())) {
                        Object[] snapshot = java.util.Objects.requireNonNull(s.snapshot());
                        Object[] current = snapshot.clone();
                        int[] changed = new int[current.length];
                        int n = 0;
                        for (Attribute a : m.attributes) {
                            if (postKeys.contains(a) && current[a.index] != null) {
                                current[a.index] = null;
                                changed[n++] = a.index;
                            }
                        }
                        if (n > 0) {
                            cleared.add(new Persistence.Change(s, Arrays.copyOf(changed, n), current));
                        }
                    }
                    persistence.update(conn, m, cleared);
                } catch (AlchemyException e) {
                    throw Errors.withPrefix(e, "(while flushing " + m.type.getSimpleName() + ") ");
                }
            }
        }
    }

    private static boolean ownsAny(Mapper<?> m, Set<Attribute> keys) {
        for (Attribute a : m.attributes) {
            if (keys.contains(a)) {
                return true;
            }
        }
        return false;
    }

    private static Map<Mapper<?>, List<InstanceState>> byMapper(List<InstanceState> states) {
        Map<Mapper<?>, List<InstanceState>> map = new LinkedHashMap<>();
        for (InstanceState s : states) {
            map.computeIfAbsent(s.mapper, m -> new ArrayList<>()).add(s);
        }
        return map;
    }

    /** Whether any persistent object changed, or any many-to-many collection did (a cheap pre-check). */
    private static boolean anyChange(List<InstanceState> persistent, List<InstanceState> all) {
        RelationshipSync.syncReferences(persistent);
        RelationshipSync.syncChildren(all);
        if (InstanceState.anyModified(persistent)) {
            return true;
        }
        Map<String, Map<List<Object>, Boolean>> rows = new LinkedHashMap<>();
        RelationshipSync.associationChanges(all, rows, new HashMap<>());
        for (Map<List<Object>, Boolean> r : rows.values()) {
            if (!r.isEmpty()) {
                return true;
            }
        }
        return false;
    }

    /** Inserts and deletes the rows of association tables for many-to-many collections. */
    private static void associationRows(FlushContext session, List<InstanceState> all) {
        Map<String, Map<List<Object>, Boolean>> rowsByTable = new LinkedHashMap<>();
        Map<String, RelationshipProperty> relationOf = new HashMap<>();
        RelationshipSync.associationChanges(all, rowsByTable, relationOf);
        for (Map.Entry<String, Map<List<Object>, Boolean>> e : rowsByTable.entrySet()) {
            RelationshipProperty r = Objects.requireNonNull(relationOf.get(e.getKey()));
            Table secondary = r.secondaryTable();
            // the owner's database, unless the association table is bound to another (then it is refused)
            Connection conn = session.writeConnection(r.owner.type, Insert.into(secondary));
            List<Map<String, Object>> inserts = new ArrayList<>();
            List<Map<String, Object>> deletes = new ArrayList<>();
            for (Map.Entry<List<Object>, Boolean> row : e.getValue().entrySet()) {
                Map<String, Object> params = new HashMap<>();
                params.put(r.joinColumn(), row.getKey().get(0));
                params.put(r.inverseColumn(), row.getKey().get(1));
                (row.getValue() ? inserts : deletes).add(params);
            }
            if (!deletes.isEmpty()) {
                @SuppressWarnings({"unchecked", "rawtypes"})
                ColumnElement<Boolean>[] where = new ColumnElement[] {
                    secondary.c(r.joinColumn()).eq((ColumnElement) BindParam.required(r.joinColumn(), null)),
                    secondary.c(r.inverseColumn()).eq((ColumnElement) BindParam.required(r.inverseColumn(), null))
                };
                conn.execute(Delete.from(secondary).where(where), deletes);
            }
            if (!inserts.isEmpty()) {
                conn.execute(Insert.into(secondary).parameters(r.joinColumn(), r.inverseColumn()), inserts);
            }
        }
    }

    /** Puts back the field values of objects this flush inserted (generated keys, versions). */
    public void undo() {
        inserter.undo();
    }
}
