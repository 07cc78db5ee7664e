package dev.alchemy.boot.autoconfigure.session;

import dev.alchemy.orm.ObjectState;
import dev.alchemy.orm.Session;
import java.util.List;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A service as applications write them: {@code @Transactional} methods over the injected shared Session. */
@Service
public class Users {

    private final Session session;
    private final JdbcTemplate jdbc;
    private final InnerTransactions inner;

    Users(Session session, JdbcTemplate jdbc, InnerTransactions inner) {
        this.session = session;
        this.jdbc = jdbc;
        this.inner = inner;
    }

    @Transactional
    public User register(String name, String email) {
        User user = new User(name, email);
        session.add(user);
        return user;
    }

    @Transactional
    public void registerWithBothThenFail(String name) {
        session.add(new User(name, name + "@alchemy.example"));
        session.flush();
        jdbc.update("INSERT INTO users (name, email, version) VALUES (?, ?, 1)", name, name + "@jdbc.example");
        throw new IllegalStateException("fail after both wrote");
    }

    @Transactional
    public long flushThenCountWithJdbc(String name) {
        session.add(new User(name, name + "@flushed.example"));
        session.flush();
        Long count = jdbc.queryForObject("SELECT count(*) FROM users WHERE name = ?", Long.class, name);
        return count == null ? 0 : count;
    }

    @Transactional
    public void registerAndFlush(String name, String email) {
        session.add(new User(name, email));
        session.flush();
    }

    /** The duplicate is found by the autoflush of a query, which runs on the transaction's Session itself. */
    @Transactional
    public long registerThenCount(String name, String email) {
        session.add(new User(name, email));
        return session.query(User.class).count();
    }

    @Transactional
    public void rename(int id, String name) {
        User user = session.get(User.class, id);
        if (user == null) {
            throw new IllegalArgumentException("no user " + id);
        }
        user.name = name;
    }

    /** Re-attaches a copy loaded by an earlier transaction and changes it. */
    @Transactional
    public void renameDetached(User user, String name) {
        session.add(user);
        user.name = name;
    }

    @Transactional(readOnly = true)
    public void renameReadOnly(int id, String name) {
        User user = session.get(User.class, id);
        if (user != null) {
            user.name = name;
        }
    }

    @Transactional
    public void inTransaction(Consumer<Session> work) {
        work.accept(session);
    }

    /** Registers one user here and one in a REQUIRES_NEW transaction, then fails. */
    @Transactional
    public void registerWithInnerNewThenFail(String outerName, String innerName) {
        session.add(new User(outerName, outerName + "@outer.example"));
        inner.registerInNewTransaction(innerName);
        throw new IllegalStateException("outer fails");
    }

    /** Registers one user here (not flushed) and one in a NESTED transaction that fails, and goes on. */
    @Transactional
    public void registerAroundFailingNested(String outerName, String innerName, boolean innerFlushes) {
        session.add(new User(outerName, outerName + "@outer.example"));
        try {
            inner.registerNestedThenFail(innerName, innerFlushes);
        } catch (IllegalStateException expected) {
            // the nested transaction rolled back to its savepoint; this one goes on
        }
    }

    /** What the Session made of an object whose NESTED transaction failed to flush it. */
    public record NestedOutcome(ObjectState state, @Nullable Integer id) {}

    /** A NESTED transaction's flush fails on a taken email; this one goes on with the same Session. */
    @Transactional
    public NestedOutcome registerAfterAFailedNestedFlush(String name, String takenEmail) {
        User rejected = new User(name + " (rejected)", takenEmail);
        try {
            inner.addAndFlushNested(rejected);
        } catch (DuplicateKeyException expected) {
            // rolled back to the savepoint, in the database and in the Session
        }
        session.add(new User(name, name.toLowerCase(java.util.Locale.ROOT) + "@example.com"));
        return new NestedOutcome(session.stateOf(rejected), rejected.id);
    }

    public @Nullable User find(int id) {
        return session.get(User.class, id);
    }

    public List<String> names() {
        return session.query(User.class).all().stream().map(u -> u.name).toList();
    }
}
