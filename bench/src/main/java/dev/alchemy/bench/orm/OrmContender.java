package dev.alchemy.bench.orm;

import static dev.alchemy.Alchemy.column;
import static dev.alchemy.Alchemy.createEngine;

import dev.alchemy.bench.BenchDatabase;
import dev.alchemy.bench.Contender;
import dev.alchemy.engine.Engine;
import dev.alchemy.orm.Base;
import dev.alchemy.orm.Load;
import dev.alchemy.orm.Session;
import dev.alchemy.orm.SessionFactory;
import java.util.ArrayList;
import java.util.List;

/**
 * Alchemy's ORM as the seed and the user guide use it: one session per unit of work, objects in, objects out. The
 * read-only variant opens every session with {@link SessionFactory#withReadOnly(boolean)}, as the Spring integration
 * does for {@code @Transactional(readOnly = true)}, and runs only the workloads that read. The joined variant loads W6's
 * addresses with {@link Load#joined} (one LEFT OUTER JOIN) instead of {@link Load#selectin}, and runs only W6.
 */
public final class OrmContender implements Contender {

    private final Engine engine;
    private final SessionFactory sessions;
    private final boolean readOnly;
    private final boolean joined;

    /**
     * @param db the database
     * @param readOnly whether its sessions are read-only
     */
    public OrmContender(BenchDatabase db, boolean readOnly) {
        this(db, readOnly, false);
    }

    /**
     * @param db the database
     * @param readOnly whether its sessions are read-only
     * @param joined whether W6 loads the addresses with a joined eager load instead of selectin
     */
    public OrmContender(BenchDatabase db, boolean readOnly, boolean joined) {
        this.engine = createEngine(db.alchemyUrl());
        Base.of(User.class, Address.class); // the tables exist already; this checks the mapping once
        this.sessions = new SessionFactory(engine).withReadOnly(readOnly);
        this.readOnly = readOnly;
        this.joined = joined;
    }

    private void writes() {
        if (readOnly) {
            throw new UnsupportedOperationException("the read-only ORM contender runs only W2, W3, W5 and W6");
        }
    }

    @Override
    public long insertUsers(int n, String prefix) {
        writes();
        List<User> users = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            users.add(new User(prefix + i, prefix + i + "@example.com"));
        }
        try (Session session = sessions.openSession()) {
            session.addAll(users);
            session.commit();
        }
        long sum = 0;
        for (User u : users) {
            sum += u.id;
        }
        return sum;
    }

    @Override
    public int loadAllUsers() {
        try (Session session = sessions.openSession()) {
            return session.query(User.class).all().size();
        }
    }

    @Override
    public long lookups(int[] ids) {
        long sum = 0;
        for (int id : ids) {
            try (Session session = sessions.openSession()) {
                User user = session.get(User.class, id);
                if (user != null) {
                    sum += user.id;
                }
            }
        }
        return sum;
    }

    @Override
    public int updateEmails(int n, String tag) {
        writes();
        try (Session session = sessions.openSession()) {
            List<User> users = session.query(User.class)
                    .orderBy(column(User.class, "id"))
                    .limit(n)
                    .all();
            for (User u : users) {
                u.email = tag + "-" + u.id + "@example.com";
            }
            session.commit();
            return users.size();
        }
    }

    @Override
    public long queriesByName(String[] names) {
        long sum = 0;
        try (Session session = sessions.openSession()) {
            for (String name : names) {
                sum += session.query(User.class).filterBy("name", name).one().id;
            }
        }
        return sum;
    }

    @Override
    public int loadUsersWithAddresses() {
        try (Session session = sessions.openSession()) {
            List<User> users = session.query(User.class)
                    .options(joined ? Load.joined(User.class, "addresses") : Load.selectin(User.class, "addresses"))
                    .orderBy(column(User.class, "id"))
                    .all();
            int count = 0;
            for (User u : users) {
                count += u.addresses.size();
            }
            return count;
        }
    }

    @Override
    public int loadAndDeleteUsers() {
        writes();
        try (Session session = sessions.openSession()) {
            List<User> users = session.query(User.class).all();
            for (User u : users) {
                session.delete(u);
            }
            session.commit();
            return users.size();
        }
    }

    @Override
    public void close() {
        engine.dispose();
    }
}
