package dev.alchemy.orm.internal.session;

import dev.alchemy.engine.Connection;
import dev.alchemy.engine.Row;
import dev.alchemy.exc.InvalidRequestError;
import dev.alchemy.orm.EntitySelect;
import dev.alchemy.orm.internal.loading.KeyedSelects;
import dev.alchemy.orm.internal.mapping.IdentityKey;
import dev.alchemy.orm.internal.mapping.Mapper;
import dev.alchemy.orm.internal.state.IdentityMap;
import dev.alchemy.orm.internal.state.InstanceState;
import dev.alchemy.sql.BooleanClauseList;
import dev.alchemy.sql.ColumnElement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Detached objects made persistent again ({@code add} or {@code delete} of an object a closed session loaded). Their
 * values as last stored are not known here (see {@link DetachedStates}): the next flush reads their rows first, so
 * what the application changed meanwhile is written, and a version column keeps the value the application last saw.
 */
final class Reattachment {

    private final SessionImpl session;
    private final IdentityMap map;
    /** Re-attached objects whose row has not been read yet. */
    private final List<InstanceState> unread = new ArrayList<>();

    Reattachment(SessionImpl session, IdentityMap map) {
        this.session = session;
        this.map = map;
    }

    /** @return whether some re-attached object's row is still to be read */
    boolean any() {
        return !unread.isEmpty();
    }

    void clear() {
        unread.clear();
    }

    /**
     * Makes a detached object persistent in this session again.
     *
     * @param instance the object
     * @param mapper its mapper
     * @return its new state
     */
    InstanceState attach(Object instance, Mapper<?> mapper) {
        IdentityKey key = IdentityKey.ofInstance(mapper, instance);
        if (key == null) {
            session.detached.put(instance);
            // only delete() gets here: add() treats an object without its key as new
            throw new InvalidRequestError("cannot delete " + instance.getClass().getSimpleName() + ": it was detached "
                    + "from a session, but its primary key " + List.of(mapper.primaryKey) + " has been set to null "
                    + "since, so it names no row");
        }
        key = IdentityKey.of(mapper, key.id());
        InstanceState other = map.get(key);
        if (other != null && other.instance != instance) {
            session.detached.put(instance);
            throw new InvalidRequestError("cannot attach " + instance.getClass().getSimpleName() + " with key "
                    + key.id() + ": another object with that key is already in this session; use merge()");
        }
        InstanceState state = InstanceState.reattached(instance, mapper, key);
        map.add(state);
        map.putKey(key, state);
        unread.add(state);
        return state;
    }

    /**
     * Reads the rows of re-attached objects, a statement per class (and per 500 keys), to give them the snapshot
     * that their changes are found against. A row that is gone leaves every value unknown, so the flush's UPDATE
     * (or DELETE) matches no row and reports a {@code StaleDataError}, as SQLAlchemy does. Objects of a class with a
     * version column are not read: they are written whole, their version checked, because a transaction that reads
     * before it writes cannot take SQLite's write lock once a concurrent one committed, and would fail with "database
     * is locked" where the version conflict is the answer the application handles.
     */
    void readSnapshots() {
        if (unread.isEmpty()) {
            return;
        }
        Map<Mapper<?>, List<InstanceState>> byMapper = new LinkedHashMap<>();
        for (InstanceState s : unread) {
            if (s.snapshot() == null && s.key() != null && map.state(s.instance) == s) {
                if (s.mapper.version != null) {
                    s.snapshotRead(unknownSnapshot(s));
                } else {
                    byMapper.computeIfAbsent(s.mapper, m -> new ArrayList<>()).add(s);
                }
            }
        }
        unread.clear();
        if (byMapper.isEmpty()) {
            return;
        }
        SessionConnections connections = session.connections;
        if (!connections.single()) {
            for (Map.Entry<Mapper<?>, List<InstanceState>> e : byMapper.entrySet()) {
                Connection mine = connections.forModel(e.getKey(), true);
                readSnapshots(Map.of(e.getKey(), e.getValue()), mine); // several databases: in their transactions
            }
            return;
        }
        Connection mine = connections.current();
        if (mine != null && mine.inTransaction()) {
            readSnapshots(byMapper, mine); // this transaction may have written the rows: read them in it
        } else {
            // Before the transaction begins, read on a connection of its own: on SQLite, a transaction that reads
            // before it writes cannot take the write lock once another one committed meanwhile ("database is
            // locked"), where a transaction that begins with its UPDATE waits for the lock and then finds the
            // version conflict it should report.
            try (Connection reader = session.engine.connect()) {
                readSnapshots(byMapper, reader);
            }
        }
    }

    /**
     * A snapshot that matches none of the object's values but its key (and its version, which keeps the value the
     * application last saw, so that a concurrent change is a conflict): the flush writes every column.
     */
    private static Object[] unknownSnapshot(InstanceState s) {
        Mapper<?> mapper = s.mapper;
        Object[] values = new Object[mapper.attributes.size()];
        Arrays.fill(values, InstanceState.UNKNOWN);
        Object id = Objects.requireNonNull(s.key()).id();
        for (int i = 0; i < mapper.primaryKey.length; i++) {
            values[mapper.primaryKey[i].index] = mapper.primaryKey.length == 1 ? id : ((List<?>) id).get(i);
        }
        if (mapper.version != null) {
            values[mapper.version.index] = mapper.version.get(s.instance);
        }
        return values;
    }

    private static void readSnapshots(Map<Mapper<?>, List<InstanceState>> byMapper, Connection reader) {
        for (Map.Entry<Mapper<?>, List<InstanceState>> e : byMapper.entrySet()) {
            Mapper<?> mapper = e.getKey();
            Map<IdentityKey, Object[]> rows = new HashMap<>();
            List<InstanceState> group = e.getValue();
            for (int from = 0; from < group.size(); from += 500) {
                List<InstanceState> chunk = group.subList(from, Math.min(group.size(), from + 500));
                EntitySelect<?> select;
                if (mapper.primaryKey.length == 1) {
                    List<Object> ids = new ArrayList<>(chunk.size());
                    for (InstanceState s : chunk) {
                        ids.add(Objects.requireNonNull(s.key()).id());
                    }
                    select = EntitySelect.of(mapper.type)
                            .where(mapper.table
                                    .c(mapper.primaryKey[0].columnName)
                                    .in(ids));
                } else {
                    List<ColumnElement<Boolean>> any = new ArrayList<>();
                    for (InstanceState s : chunk) {
                        any.add(Objects.requireNonNull(
                                KeyedSelects.byPrimaryKey(mapper, Objects.requireNonNull(s.key()))
                                        .select()
                                        .whereClause()));
                    }
                    select = EntitySelect.of(mapper.type).where(BooleanClauseList.or(any));
                }
                for (Row row : reader.execute(select)) {
                    Object[] values = mapper.layout.rowValues(row, 0);
                    rows.put(IdentityKey.fromValues(mapper, values), values);
                }
            }
            for (InstanceState s : group) {
                Object[] values = rows.get(s.key());
                s.snapshotRead(values != null ? values : unknownSnapshot(s));
            }
        }
    }
}
