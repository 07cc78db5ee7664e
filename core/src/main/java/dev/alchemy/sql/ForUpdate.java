package dev.alchemy.sql;

import dev.alchemy.exc.ArgumentError;
import org.jspecify.annotations.Nullable;

/**
 * How a SELECT locks the rows it reads, SQLAlchemy's {@code with_for_update(nowait=..., skip_locked=..., read=...,
 * key_share=...)} as a small immutable value: start from {@link #forUpdate()} (also {@code Alchemy.forUpdate()})
 * and add options.
 *
 * <pre>{@code
 * List<Job> batch = session.query(Job.class).filterBy("state", "new").limit(10)
 *         .withForUpdate(forUpdate().skipLocked())      // FOR UPDATE SKIP LOCKED: a job queue
 *         .all();
 * session.query(Account.class).filterBy("id", 7).withForUpdate(forUpdate().ofShare().noWait()).one();
 * }</pre>
 *
 * <p>What each database writes: PostgreSQL writes every lock strength; MySQL and MariaDB write {@code FOR UPDATE}
 * and, for the shared locks, {@code FOR SHARE} (MySQL 8) or {@code LOCK IN SHARE MODE} (MariaDB), with
 * {@link #ofKeyShare()} and {@link #ofNoKeyUpdate()} falling back to the nearest lock they have, as SQLAlchemy's
 * MySQL compiler does; SQLite, which locks the whole database file rather than rows, writes nothing.
 */
public final class ForUpdate {

    private static final ForUpdate UPDATE = new ForUpdate(false, false, false, false);

    private final boolean read;
    private final boolean keyShare;
    private final boolean noWait;
    private final boolean skipLocked;

    private ForUpdate(boolean read, boolean keyShare, boolean noWait, boolean skipLocked) {
        if (noWait && skipLocked) {
            throw new ArgumentError("a row lock is either NOWAIT or SKIP LOCKED, not both");
        }
        this.read = read;
        this.keyShare = keyShare;
        this.noWait = noWait;
        this.skipLocked = skipLocked;
    }

    /** @return an exclusive row lock, {@code FOR UPDATE}, that waits for other transactions' locks */
    public static ForUpdate forUpdate() {
        return UPDATE;
    }

    /**
     * Fails at once, instead of waiting, when another transaction holds a lock on a selected row ({@code NOWAIT}); the
     * failure is an {@link dev.alchemy.exc.OperationalError}.
     *
     * @return the changed copy
     * @throws ArgumentError when {@link #skipLocked()} is already set
     */
    public ForUpdate noWait() {
        return new ForUpdate(read, keyShare, true, skipLocked);
    }

    /**
     * Leaves out the rows another transaction holds locked ({@code SKIP LOCKED}), so workers sharing a queue table
     * each take different rows.
     *
     * @return the changed copy
     * @throws ArgumentError when {@link #noWait()} is already set
     */
    public ForUpdate skipLocked() {
        return new ForUpdate(read, keyShare, noWait, true);
    }

    /**
     * A shared lock ({@code FOR SHARE}, {@code read=True}): other transactions may lock the rows for share too, but
     * not change or delete them.
     *
     * @return the changed copy
     */
    public ForUpdate ofShare() {
        return new ForUpdate(true, false, noWait, skipLocked);
    }

    /**
     * PostgreSQL's weakest lock ({@code FOR KEY SHARE}, {@code read=True, key_share=True}): others may update the
     * rows, except their keys, while it is held; a foreign key check takes this lock. Other databases take their
     * shared lock.
     *
     * @return the changed copy
     */
    public ForUpdate ofKeyShare() {
        return new ForUpdate(true, true, noWait, skipLocked);
    }

    /**
     * PostgreSQL's exclusive lock that does not block {@link #ofKeyShare()} ({@code FOR NO KEY UPDATE},
     * {@code key_share=True}): what an UPDATE that leaves the key alone takes. Other databases take
     * {@code FOR UPDATE}.
     *
     * @return the changed copy
     */
    public ForUpdate ofNoKeyUpdate() {
        return new ForUpdate(false, true, noWait, skipLocked);
    }

    /** @return whether the lock is shared ({@code FOR SHARE} or {@code FOR KEY SHARE}) */
    public boolean isRead() {
        return read;
    }

    /** @return whether the lock spares the key ({@code FOR KEY SHARE} or {@code FOR NO KEY UPDATE}) */
    public boolean isKeyShare() {
        return keyShare;
    }

    /** @return whether {@code NOWAIT} is set */
    public boolean isNoWait() {
        return noWait;
    }

    /** @return whether {@code SKIP LOCKED} is set */
    public boolean isSkipLocked() {
        return skipLocked;
    }

    static ForUpdate of(boolean noWait, boolean skipLocked, boolean read) {
        return new ForUpdate(read, false, noWait, skipLocked);
    }

    @Override
    public boolean equals(@Nullable Object o) {
        return o instanceof ForUpdate f
                && f.read == read
                && f.keyShare == keyShare
                && f.noWait == noWait
                && f.skipLocked == skipLocked;
    }

    @Override
    public int hashCode() {
        return (read ? 1 : 0) | (keyShare ? 2 : 0) | (noWait ? 4 : 0) | (skipLocked ? 8 : 0);
    }

    @Override
    public String toString() {
        return "FOR " + (read ? (keyShare ? "KEY SHARE" : "SHARE") : (keyShare ? "NO KEY UPDATE" : "UPDATE"))
                + (noWait ? " NOWAIT" : "") + (skipLocked ? " SKIP LOCKED" : "");
    }
}
