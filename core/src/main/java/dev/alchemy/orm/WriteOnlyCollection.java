package dev.alchemy.orm;

import dev.alchemy.exc.InvalidRequestError;
import dev.alchemy.orm.internal.mapping.RelationshipProperty;
import dev.alchemy.sql.ColumnElement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A one-to-many relationship that is never loaded whole, SQLAlchemy 2.0's {@code WriteOnlyMapped}: for collections
 * too large to hold in memory (a user's events, an account's ledger entries). The application {@link #add adds} and
 * {@link #remove removes} children through it, which the next flush writes (an INSERT of a new child, an UPDATE of the
 * foreign key of one that moved, an UPDATE to NULL or, with {@code delete-orphan}, a DELETE of one removed), and reads
 * it with a query scoped to the owner, {@link #select()}, to which it adds filters, an order and a limit.
 *
 * <p>Declare the field with this type and initialize it; it is the field's type that makes the relationship
 * write-only (a {@code List} or {@code Set} field is a loaded collection):
 *
 * <pre>{@code
 * @Table(name = "accounts")
 * public class Account {
 *     @Column(primaryKey = true) public Long id;
 *     @Relationship(backPopulates = "account", cascade = "all, delete-orphan", passiveDeletes = true)
 *     public WriteOnlyCollection<Entry> entries = new WriteOnlyCollection<>();
 * }
 *
 * account.entries.add(new Entry(amount));                      // no SELECT of the other entries
 * session.commit();                                             // INSERT INTO entries ...
 * List<Entry> latest = session.scalars(account.entries.select()
 *         .orderBy(attr(Entry::getId).desc()).limit(20)).all(); // WHERE entries.account_id = ? ... LIMIT 20
 * }</pre>
 *
 * <p>There is nothing to iterate: it is not a {@link Collection}, and asking to load it (a loader option such as
 * {@code Load.selectin(Account::getEntries)}) raises {@link dev.alchemy.exc.ArgumentError}. The adds and removes wait
 * in it until the flush (a query's autoflush writes them first, so {@code select()} sees them). A cascade
 * {@code delete} needs {@code passiveDeletes = true} (the database's {@code ON DELETE CASCADE} removes the children);
 * without it, deleting the owner sets the children's foreign key to NULL with one UPDATE per 500 owners, without
 * loading them. One-to-many only.
 *
 * @param <T> the children's mapped class
 */
public final class WriteOnlyCollection<T> {

    /** The object that owns it, and its relationship: set when the session first sees the owner. */
    private @Nullable Object owner;

    private @Nullable RelationshipProperty relationship;
    /** Tells the owner's session that a flush has work (its autoflush). */
    private @Nullable Runnable changed;

    /** Children added since the last flush. */
    private final List<Object> added = new ArrayList<>(0);
    /** Children removed since the last flush. */
    private final List<Object> removed = new ArrayList<>(0);

    /** An empty collection, for the field's initializer: {@code = new WriteOnlyCollection<>()}. */
    public WriteOnlyCollection() {}

    /**
     * Adds a child: the next flush inserts it (a new child, when the cascade includes {@code save-update}, the
     * default) or points its foreign key at the owner. The child's back-reference, if it has one, is set at once.
     *
     * @param child the child
     */
    public void add(T child) {
        Objects.requireNonNull(child, "child");
        if (!removeIdentity(removed, child)) {
            added.add(child);
        }
        RelationshipProperty r = relationship;
        if (r != null && owner != null && r.back != null && !r.back.collection) {
            r.back.set(child, owner);
        }
        touched();
    }

    /**
     * Adds children, as {@link #add} does each.
     *
     * @param children the children
     */
    public void addAll(Collection<? extends T> children) {
        for (T child : children) {
            add(child);
        }
    }

    /**
     * Removes a child (one read with {@link #select()}, say): the next flush sets its foreign key to NULL or, with
     * the cascade {@code delete-orphan}, deletes it. A child added since the last flush is simply no longer added.
     *
     * @param child the child
     */
    public void remove(T child) {
        Objects.requireNonNull(child, "child");
        if (!removeIdentity(added, child)) {
            removed.add(child);
        }
        RelationshipProperty r = relationship;
        if (r != null && r.back != null && !r.back.collection && r.back.get(child) == owner) {
            r.back.set(child, null);
        }
        touched();
    }

    /**
     * The children, as a query: {@code select(Child.class).where(child.fk == owner's key)}, to which filters, an
     * order and a limit may be added, run with {@link Session#scalars(EntitySelect)} (or {@code count()}ed,
     * streamed, paged).
     *
     * <pre>{@code
     * long unpaid = session.execute(account.entries.select().where(attr(Entry::getPaid).eq(false))
     *         .countStatement()).scalar(Long.class);
     * }</pre>
     *
     * @return the select of the owner's children
     * @throws InvalidRequestError when the owner has no key yet (add it to a session and flush first)
     */
    @SuppressWarnings("unchecked")
    public EntitySelect<T> select() {
        RelationshipProperty r = relationship;
        Object o = owner;
        if (r == null || o == null) {
            throw new InvalidRequestError("this WriteOnlyCollection's owner is not in a session yet: add it to a "
                    + "session (and flush, so that it has its key) before selecting its children");
        }
        Object key = r.referredKey.get(o);
        if (key == null) {
            throw new InvalidRequestError(
                    "the owner of " + r + " has no key yet: flush the session before selecting " + "its children");
        }
        ColumnElement<Object> fk = (ColumnElement<Object>) (ColumnElement<?>) r.target.table.c(r.foreignKey.columnName);
        return EntitySelect.of((Class<T>) r.target.type).where(fk.eq(key));
    }

    private void touched() {
        Runnable c = changed;
        if (c != null) {
            c.run();
        }
    }

    private static boolean removeIdentity(List<Object> list, Object item) {
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i) == item) {
                list.remove(i);
                return true;
            }
        }
        return false;
    }

    /**
     * For the session: binds the collection to its owner, the first time the session sees the owner.
     *
     * @param owner the object that has this collection
     * @param relationship its relationship
     * @param changed what tells the session a flush has work
     */
    void bind(Object owner, RelationshipProperty relationship, Runnable changed) {
        this.owner = owner;
        this.relationship = relationship;
        this.changed = changed;
    }

    @Override
    public String toString() {
        RelationshipProperty r = relationship;
        return "WriteOnlyCollection" + (r == null ? "" : " " + r) + " (" + added.size() + " added, " + removed.size()
                + " removed, not flushed; read it with select())";
    }
}
