package dev.alchemy.orm.internal.session;

import dev.alchemy.engine.Row;
import dev.alchemy.exc.InvalidRequestError;
import dev.alchemy.orm.EntitySelect;
import dev.alchemy.orm.internal.mapping.Attribute;
import dev.alchemy.orm.internal.mapping.IdentityKey;
import dev.alchemy.orm.internal.mapping.Mapper;
import dev.alchemy.orm.internal.state.IdentityMap;
import dev.alchemy.orm.internal.state.InstanceState;
import dev.alchemy.sql.ClauseElement;
import dev.alchemy.sql.ColumnClause;
import dev.alchemy.sql.ColumnElement;
import dev.alchemy.sql.Delete;
import dev.alchemy.sql.Select;
import dev.alchemy.sql.Update;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Bulk UPDATE and DELETE of the rows an entity select matches ({@code Query.update/delete}), and what they do to the
 * session's objects: updated ones expire, deleted ones leave and are never inserted again by a cascade.
 */
final class BulkStatements {

    private final SessionImpl session;
    private final IdentityMap map;
    /** Objects whose rows a bulk DELETE removed: cascades must not insert them again. */
    private @Nullable Set<Object> bulkDeleted; // created by the first bulk DELETE: most sessions never need it

    BulkStatements(SessionImpl session, IdentityMap map) {
        this.session = session;
        this.map = map;
    }

    /** @return whether a bulk DELETE of this session removed the object's row */
    boolean wasBulkDeleted(Object instance) {
        Set<Object> gone = bulkDeleted;
        return gone != null && gone.contains(instance);
    }

    void clear() {
        bulkDeleted = null;
    }

    long update(EntitySelect<?> select, Map<String, ?> values) {
        Mapper<?> mapper = joinedRefused(Mapper.of(select.type()), "bulkUpdate");
        Map<String, Object> byColumn = new LinkedHashMap<>();
        for (Map.Entry<String, ?> e : values.entrySet()) {
            Attribute a = mapper.attribute(e.getKey());
            byColumn.put(a.columnName, a.toStored(e.getValue()));
        }
        Update update = Update.of(mapper.table).values(byColumn);
        ColumnElement<Boolean> where = select.select().whereClause();
        if (where != null) {
            update = update.where(where);
        }
        long count = session.execute(update).rowcount();
        for (InstanceState state : map.persistent()) {
            if (mapper.type.isInstance(state.instance)) { // the subclasses' objects too
                state.expire();
            }
        }
        return count;
    }

    long delete(EntitySelect<?> select) {
        Mapper<?> mapper = joinedRefused(Mapper.of(select.type()), "bulkDelete");
        ColumnElement<Boolean> where = select.select().whereClause();
        List<ColumnClause<?>> pkColumns = new ArrayList<>();
        for (Attribute a : mapper.primaryKey) {
            pkColumns.add(mapper.table.c(a.columnName));
        }
        Select pks = Select.of(pkColumns.toArray(ClauseElement[]::new));
        Delete delete = Delete.from(mapper.table);
        if (where != null) {
            pks = pks.where(where);
            delete = delete.where(where);
        }
        List<IdentityKey> keys = new ArrayList<>();
        for (Row row : session.execute(pks)) {
            keys.add(
                    mapper.primaryKey.length == 1
                            ? new IdentityKey(mapper.identityType, Objects.requireNonNull(row.get(0)))
                            : new IdentityKey(mapper.identityType, List.copyOf(rowValues(row))));
        }
        long count = session.execute(delete).rowcount();
        for (IdentityKey key : keys) {
            InstanceState state = map.removeKey(key);
            if (state != null) {
                map.remove(state.instance);
                session.deleted.remove(state);
                Set<Object> gone = bulkDeleted;
                if (gone == null) {
                    gone = Collections.newSetFromMap(new IdentityHashMap<>());
                    bulkDeleted = gone;
                }
                gone.add(state.instance);
            }
        }
        return count;
    }

    private static List<Object> rowValues(Row row) {
        List<Object> values = new ArrayList<>();
        for (int i = 0; i < row.size(); i++) {
            values.add(row.get(i));
        }
        return values;
    }

    /**
     * A bulk statement is one UPDATE or DELETE of one table, which a class of a joined-table hierarchy does not have
     * (its rows span several): refused rather than half done.
     */
    private static Mapper<?> joinedRefused(Mapper<?> mapper, String what) {
        if (mapper.isJoined()) {
            throw new InvalidRequestError(what + " of " + mapper.type.getSimpleName() + " would change one of the "
                    + "tables its rows span "
                    + mapper.tables().stream().map(t -> t.fullName()).toList()
                    + " (joined-table inheritance); load the objects and change or delete them, or run a Core "
                    + "statement on the table");
        }
        return mapper;
    }
}
