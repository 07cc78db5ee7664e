package dev.alchemy.orm.internal.session;

import dev.alchemy.engine.Transaction;
import dev.alchemy.orm.ObjectState;
import dev.alchemy.orm.internal.mapping.Attribute;
import dev.alchemy.orm.internal.mapping.IdentityKey;
import dev.alchemy.orm.internal.state.IdentityMap;
import dev.alchemy.orm.internal.state.InstanceState;
import dev.alchemy.orm.internal.state.StateSet;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What the session's current transaction and its savepoints did, as SQLAlchemy's {@code SessionTransaction}: the
 * objects inserted, deleted and updated in it, so that a rollback (or a close without commit) puts the session back
 * as the database has it: inserted objects transient again, deleted ones back, updated ones' changes pending again.
 */
final class SessionTransaction {

    private final SessionImpl session;
    private final IdentityMap map;

    /**
     * Objects inserted or added during the current transaction, to undo on rollback; a set, because every INSERT
     * asks whether its object is already here (a list made a flush of n new objects O(n²)).
     */
    final StateSet newInTransaction = new StateSet(StateSet.Kind.NEW_IN_TRANSACTION);

    private final List<InstanceState> deletedInTransaction = new ArrayList<>();
    /**
     * What each UPDATE of the transaction overwrote, oldest first, to put back on rollback: the object's change is
     * then pending again, with the version it had, instead of looking written (see {@link UpdateUndo}).
     */
    private final List<UpdateUndo> updatedInTransaction = new ArrayList<>();

    /** Open savepoints, innermost first. */
    private final Deque<Savepoint> savepoints = new ArrayDeque<>(2);
    /**
     * Counts transactions and savepoints: it moves on when a transaction ends and when a savepoint begins, so that
     * collections loaded or flushed since a transaction or savepoint began can be told apart at its rollback.
     */
    private long epoch;
    /** The epoch at which the current transaction began. */
    private long transactionEpoch;

    SessionTransaction(SessionImpl session, IdentityMap map) {
        this.session = session;
        this.map = map;
    }

    long epoch() {
        return epoch;
    }

    boolean savepointOpen() {
        return !savepoints.isEmpty();
    }

    @Nullable
    Savepoint innermostSavepoint() {
        return savepoints.peek();
    }

    // ---------------------------------------------------------------- what the flush did

    /** After an object's INSERT succeeded. */
    void inserted(InstanceState state, Object[] values) {
        session.pending.remove(state);
        IdentityKey key = IdentityKey.fromValues(state.mapper, values);
        state.inserted(key, values);
        map.putKey(key, state);
        newInTransaction.add(state);
    }

    /** When a failed flush undoes an INSERT: the object is pending again with its old field values. */
    void uninserted(InstanceState state) {
        map.removeKeyOf(state.key(), state);
        state.undoInsert();
        session.pending.add(state);
    }

    /** After an object's UPDATE succeeded. */
    void updated(InstanceState state, Object[] values) {
        Object[] before = Objects.requireNonNull(state.snapshot());
        Attribute version = state.mapper.version;
        updatedInTransaction.add(new UpdateUndo(
                state, before, Objects.requireNonNull(state.key()), version == null ? null : before[version.index]));
        IdentityKey key = Objects.requireNonNull(state.key());
        if (!sameKeyValues(state.mapper.primaryKey, before, values)) {
            IdentityKey newKey = IdentityKey.fromValues(state.mapper, values);
            if (!newKey.equals(key)) {
                map.removeKey(key);
                map.putKey(newKey, state);
                key = newKey;
            }
        }
        state.written(key, values);
    }

    /**
     * Whether the primary key's fields still hold the very values last stored: then the key cannot have changed, and
     * neither a new key nor the old key's values are read (the old key is cold in memory by the time 5,000 UPDATEs
     * are flushed; comparing it was a tenth of W4's samples).
     */
    private static boolean sameKeyValues(Attribute[] primaryKey, @Nullable Object[] before, @Nullable Object[] values) {
        for (Attribute a : primaryKey) {
            if (before[a.index] != values[a.index]) {
                return false;
            }
        }
        return true;
    }

    /** After an object's DELETE succeeded. */
    void deletedRow(InstanceState state) {
        session.deleted.remove(state);
        map.removeKey(state.key());
        map.remove(state.instance);
        deletedInTransaction.add(state);
    }

    /** @return a mark for {@link #undoUpdatesSince} */
    int updateMark() {
        return updatedInTransaction.size();
    }

    /**
     * Puts back, newest first, what the UPDATEs recorded since a mark overwrote: the objects' changes are pending
     * again, and their versions what they were. Objects no longer in the session are left alone.
     */
    void undoUpdatesSince(int mark) {
        for (int i = updatedInTransaction.size() - 1; i >= mark; i--) {
            UpdateUndo undo = updatedInTransaction.remove(i);
            if (map.state(undo.state().instance) == undo.state()) {
                undo.apply(map);
            }
        }
    }

    /** @return the state of an object whose DELETE this transaction flushed, or null */
    @Nullable
    InstanceState deletedHere(Object instance) {
        for (InstanceState s : deletedInTransaction) {
            if (s.instance == instance) {
                return s;
            }
        }
        return null;
    }

    /** @return whether this transaction flushed any DELETE */
    boolean anyDeleted() {
        return !deletedInTransaction.isEmpty();
    }

    /** An object made transient no longer counts among the transaction's deletes. */
    void forgetDeletedRow(InstanceState state) {
        deletedInTransaction.remove(state);
    }

    // ---------------------------------------------------------------- end of the transaction

    /** After the COMMIT: what the transaction did is kept, and a new transaction begins. */
    void committed() {
        for (InstanceState s : newInTransaction) {
            s.insertCommitted();
        }
        newInTransaction.clear();
        forgetDeleted();
        updatedInTransaction.clear();
        transactionEpoch = ++epoch;
        savepoints.clear();
    }

    /** The objects whose DELETE the transaction committed leave the session, remembered as deleted. */
    void forgetDeleted() {
        for (InstanceState s : deletedInTransaction) {
            session.detached.putDeleted(s.instance);
        }
        deletedInTransaction.clear();
    }

    /** After expungeAll(): the transaction's deletes leave with the objects; its updates are no longer undone. */
    void expunged() {
        forgetDeleted();
        updatedInTransaction.clear();
    }

    /** Objects added or inserted in the transaction become transient again; deleted ones come back; all expire. */
    void rolledBack() {
        savepoints.clear();
        undeleteRows();
        session.lifecycle.undeleteAll();
        for (InstanceState s : newInTransaction) {
            forgetInserted(s);
        }
        newInTransaction.clear();
        undoUpdatesSince(0);
        session.lifecycle.afterUndo(transactionEpoch);
        transactionEpoch = ++epoch;
    }

    /**
     * Closed without a commit, the transaction rolled back: its deletes, updates and inserts did not happen. The
     * objects keep their (restored) state, to be detached by the closing session.
     */
    void closed() {
        undeleteRows();
        for (InstanceState s : session.deleted) {
            s.markPersistent();
        }
        // nor its inserts (after the deletes: an object inserted and deleted in it is transient again)
        for (InstanceState s : newInTransaction) {
            takeBackInsert(s);
        }
        undoUpdatesSince(0);
        savepoints.clear();
        newInTransaction.clear();
        updatedInTransaction.clear();
    }

    /**
     * Objects whose DELETE the transaction flushed are persistent again, but not one also inserted in it: it ends
     * transient, as it began (and its key, which the database may have given to another row since, is not put back in
     * the identity map).
     */
    private void undeleteRows() {
        for (InstanceState s : deletedInTransaction) {
            if (!newInTransaction.contains(s)) {
                s.markPersistent();
                map.add(s);
                map.putKey(Objects.requireNonNull(s.key()), s);
            }
        }
        deletedInTransaction.clear();
    }

    /**
     * Puts the stored values back into the fields of every persistent object that differs from them, as SQLAlchemy's
     * expiry on rollback does when the attributes are next read: after a rollback, an object shows what its row
     * holds, and nothing of the rolled-back work is left pending to be written by a later commit. Relationship
     * fields are left as they are.
     *
     * @param map the session's objects
     */
    static void revertChanges(IdentityMap map) {
        for (InstanceState s : map.states()) {
            Object[] snap = s.snapshot();
            if (s.status() != ObjectState.PERSISTENT || snap == null) {
                continue;
            }
            List<Attribute> attributes = s.mapper.attributes;
            for (int i = 0; i < snap.length; i++) {
                Attribute a = attributes.get(i);
                Object stored = snap[i];
                if (stored != InstanceState.UNKNOWN
                        && (stored != null || !a.primitive)
                        && !a.sameValue(a.getRaw(s.instance), stored)) {
                    a.setRaw(s.instance, stored);
                }
            }
        }
    }

    /**
     * An object added or inserted in rolled-back work is transient again: out of the session and its identity map
     * (by the key its INSERT gave it, which {@link #takeBackInsert} then takes back).
     */
    private void forgetInserted(InstanceState s) {
        takeBackInsert(s);
        session.pending.remove(s);
        map.remove(s.instance);
    }

    /**
     * Puts an object inserted in rolled-back work back as it was before its INSERT (pending, without key or snapshot)
     * and takes the key its INSERT gave it out of the identity map.
     */
    private void takeBackInsert(InstanceState s) {
        IdentityKey key = s.key();
        if (s.beforeInsert() != null) {
            s.undoInsert();
        }
        map.removeKeyOf(key, s);
    }

    // ---------------------------------------------------------------- savepoints

    /**
     * @param inner the connection's savepoint
     * @return the session's savepoint over it
     */
    Savepoint beginNested(Transaction inner) {
        Savepoint savepoint = new Savepoint(
                session,
                this,
                inner,
                newInTransaction.mark(),
                deletedInTransaction.size(),
                updatedInTransaction.size(),
                ++epoch);
        savepoints.push(savepoint);
        return savepoint;
    }

    /** Ends a savepoint and those opened inside it. */
    void ended(Savepoint savepoint) {
        while (!savepoints.isEmpty()) {
            if (savepoints.pop() == savepoint) {
                break;
            }
        }
        if (savepoints.isEmpty()) {
            newInTransaction.thaw();
        }
    }

    /** Undoes in memory what a rolled-back savepoint had flushed. */
    void undoSince(int newMark, int deletedMark, int updateMark, long startEpoch) {
        // deleted ones come back, but not one also inserted since the savepoint: it ends transient
        List<InstanceState> insertedSince = newInTransaction.since(newMark);
        Set<InstanceState> inserted = Collections.newSetFromMap(new IdentityHashMap<>());
        inserted.addAll(insertedSince);
        List<InstanceState> removed = new ArrayList<>(deletedInTransaction.subList(
                Math.min(deletedMark, deletedInTransaction.size()), deletedInTransaction.size()));
        for (InstanceState s : removed) {
            deletedInTransaction.remove(s);
            if (!inserted.contains(s)) {
                s.markPersistent();
                map.add(s);
                map.putKey(Objects.requireNonNull(s.key()), s);
            }
        }
        // beginNested() flushed, so every delete not yet flushed was asked for since the savepoint began
        session.lifecycle.undeleteAll();
        for (InstanceState s : insertedSince) {
            forgetInserted(s);
            newInTransaction.remove(s);
        }
        undoUpdatesSince(Math.min(updateMark, updatedInTransaction.size()));
        session.lifecycle.afterUndo(startEpoch);
    }
}
