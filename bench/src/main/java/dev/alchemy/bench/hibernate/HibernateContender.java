package dev.alchemy.bench.hibernate;

import com.zaxxer.hikari.HikariDataSource;
import dev.alchemy.bench.BenchDatabase;
import dev.alchemy.bench.Contender;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.Transaction;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;

/**
 * Hibernate ORM 7.4 configured as a competent user configures it: a HikariCP pool like everyone's, JDBC batches of
 * 50 with ordered inserts and updates, the pool's auto-commit off declared to Hibernate, IDENTITY keys on SQLite
 * (community SQLiteDialect) and pooled sequences on PostgreSQL, fetch joins for collections, and the documented
 * flush-and-clear every batch when inserting many objects.
 */
public final class HibernateContender implements Contender {

    private static final int BATCH = 50;

    private final HikariDataSource pool;
    private final SessionFactory factory;
    private final Class<? extends UserEntity> userClass;
    private final Supplier<UserEntity> newUser;

    /** @param db the database */
    public HibernateContender(BenchDatabase db) {
        System.setProperty("org.jboss.logging.provider", "slf4j");
        this.pool = db.newPool();
        boolean sqlite = db.kind().equals("sqlite");
        StandardServiceRegistry registry = new StandardServiceRegistryBuilder()
                .applySetting("hibernate.connection.datasource", pool)
                .applySetting(
                        "hibernate.dialect",
                        sqlite
                                ? "org.hibernate.community.dialect.SQLiteDialect"
                                : "org.hibernate.dialect.PostgreSQLDialect")
                .applySetting("hibernate.connection.provider_disables_autocommit", "true")
                .applySetting("hibernate.jdbc.batch_size", Integer.toString(BATCH))
                .applySetting("hibernate.order_inserts", "true")
                .applySetting("hibernate.order_updates", "true")
                .applySetting("hibernate.hbm2ddl.auto", "none")
                .build();
        MetadataSources sources = new MetadataSources(registry);
        if (sqlite) {
            sources.addAnnotatedClass(SqliteUser.class).addAnnotatedClass(SqliteAddress.class);
            userClass = SqliteUser.class;
            newUser = SqliteUser::new;
        } else {
            sources.addAnnotatedClass(PgUser.class).addAnnotatedClass(PgAddress.class);
            userClass = PgUser.class;
            newUser = PgUser::new;
        }
        this.factory = sources.buildMetadata().buildSessionFactory();
    }

    @Override
    public long insertUsers(int n, String prefix) {
        List<UserEntity> users = new ArrayList<>(n);
        try (Session session = factory.openSession()) {
            Transaction tx = session.beginTransaction();
            for (int i = 0; i < n; i++) {
                UserEntity u = newUser.get();
                u.setName(prefix + i);
                u.setEmail(prefix + i + "@example.com");
                session.persist(u);
                users.add(u);
                if ((i + 1) % BATCH == 0) {
                    session.flush();
                    session.clear();
                }
            }
            tx.commit();
        }
        long sum = 0;
        for (UserEntity u : users) {
            sum += u.getId();
        }
        return sum;
    }

    @Override
    public int loadAllUsers() {
        try (Session session = factory.openSession()) {
            return session.createSelectionQuery("from User", userClass)
                    .getResultList()
                    .size();
        }
    }

    @Override
    public long lookups(int[] ids) {
        long sum = 0;
        for (int id : ids) {
            try (Session session = factory.openSession()) {
                UserEntity u = session.find(userClass, id);
                if (u != null) {
                    sum += u.getId();
                }
            }
        }
        return sum;
    }

    @Override
    public int updateEmails(int n, String tag) {
        try (Session session = factory.openSession()) {
            Transaction tx = session.beginTransaction();
            List<? extends UserEntity> users = session.createSelectionQuery("from User order by id", userClass)
                    .setMaxResults(n)
                    .getResultList();
            for (UserEntity u : users) {
                u.setEmail(tag + "-" + u.getId() + "@example.com");
            }
            tx.commit();
            return users.size();
        }
    }

    @Override
    public long queriesByName(String[] names) {
        long sum = 0;
        try (Session session = factory.openSession()) {
            for (String name : names) {
                UserEntity u = session.createSelectionQuery("from User where name = :name", userClass)
                        .setParameter("name", name)
                        .getSingleResult();
                sum += u.getId();
            }
        }
        return sum;
    }

    @Override
    public int loadUsersWithAddresses() {
        try (Session session = factory.openSession()) {
            List<? extends UserEntity> users = session.createSelectionQuery(
                            "from User u left join fetch u.addresses order by u.id", userClass)
                    .getResultList();
            int count = 0;
            for (UserEntity u : users) {
                count += u.getAddresses().size();
            }
            return count;
        }
    }

    @Override
    public int loadAndDeleteUsers() {
        try (Session session = factory.openSession()) {
            Transaction tx = session.beginTransaction();
            List<? extends UserEntity> users =
                    session.createSelectionQuery("from User", userClass).getResultList();
            for (UserEntity u : users) {
                session.remove(u);
            }
            tx.commit();
            return users.size();
        }
    }

    @Override
    public void close() {
        try {
            factory.close();
        } finally {
            pool.close();
        }
    }
}
