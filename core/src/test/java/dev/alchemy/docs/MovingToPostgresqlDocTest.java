package dev.alchemy.docs;

import static dev.alchemy.Alchemy.column;
import static dev.alchemy.Alchemy.forUpdate;
import static dev.alchemy.Alchemy.select;
import static dev.alchemy.Alchemy.text;
import static dev.alchemy.types.SqlTypes.INTEGER;
import static dev.alchemy.types.SqlTypes.string;
import static org.assertj.core.api.Assertions.assertThat;

import dev.alchemy.engine.Connection;
import dev.alchemy.engine.Engine;
import dev.alchemy.orm.Base;
import dev.alchemy.orm.Session;
import dev.alchemy.orm.SessionFactory;
import dev.alchemy.schema.Column;
import dev.alchemy.schema.MetaData;
import dev.alchemy.schema.Table;
import dev.alchemy.testing.OnDatabases;
import dev.alchemy.testing.TestDatabase;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;

/**
 * The snippets of {@code docs/postgresql.md} that run unchanged on both databases and show where their results
 * differ; {@link DocSnippetsTest} checks that the page shows them as they are here.
 */
// SQLite and PostgreSQL only: the page is about moving from one to the other; MariaDB's own page, docs/mysql.md,
// takes its snippets from MariadbServerDialectTest
@OnDatabases({TestDatabase.Kind.SQLITE, TestDatabase.Kind.POSTGRESQL})
class MovingToPostgresqlDocTest {

    @dev.alchemy.orm.Table(name = "accounts")
    public static class Account {
        @dev.alchemy.orm.Column(primaryKey = true)
        public Integer id;

        @dev.alchemy.orm.Column(nullable = false, unique = true, length = 100)
        public String owner;

        @dev.alchemy.orm.Column(precision = 12, scale = 2)
        public BigDecimal balance;

        public Account() {}

        Account(String owner, String balance) {
            this.owner = owner;
            this.balance = new BigDecimal(balance);
        }
    }

    @dev.alchemy.orm.Table(name = "jobs")
    public static class Job {
        @dev.alchemy.orm.Column(primaryKey = true)
        public Integer id;

        @dev.alchemy.orm.Column(length = 100)
        public String task;

        @dev.alchemy.orm.Column(nullable = false)
        public Boolean done = false;

        public Job() {}

        Job(String task) {
            this.task = task;
        }
    }

    @Parameter
    TestDatabase db;

    Engine engine;
    SessionFactory sessionFactory;

    @BeforeEach
    void createTables() {
        engine = db.createEngine();
        Base.of(Account.class, Job.class).metadata().createAll(engine);
        sessionFactory = new SessionFactory(engine);
        try (Session session = sessionFactory.openSession()) {
            session.addAll(List.of(new Account("Ann", "100.00"), new Job("resize"), new Job("mail")));
            session.commit();
        }
    }

    @AfterEach
    void drop() {
        db.reset();
    }

    @Test
    void lockTheRowYouAreAboutToChange() {
        // tag::for-update[]
        try (Session session = sessionFactory.openSession()) {
            Account account = session.query(Account.class)
                    .filterBy("owner", "Ann")
                    .withForUpdate() // PostgreSQL: SELECT ... FOR UPDATE; SQLite: a plain SELECT
                    .one();
            account.balance = account.balance.subtract(new BigDecimal("25.00"));
            session.commit(); // the row lock ends with the transaction
        }
        // end::for-update[]
        try (Session session = sessionFactory.openSession()) {
            assertThat(session.query(Account.class).one().balance).isEqualByComparingTo("75.00");
        }
    }

    @Test
    void aQueueOfJobsForSeveralWorkers() {
        try (Session session = sessionFactory.openSession()) {
            // tag::skip-locked[]
            Job next = session.query(Job.class)
                    .filterBy("done", false)
                    .orderBy(column(Job.class, "id"))
                    .withForUpdate(forUpdate().skipLocked()) // jobs other workers hold are passed over
                    .first();
            // end::skip-locked[]
            assertThat(next.task).isEqualTo("resize");
            next.done = true;
            session.commit();
        }
    }

    @Test
    void likeIsCaseSensitiveOnPostgresqlOnly() {
        MetaData metadata = new MetaData();
        Table users = Table.of("users", metadata, Column.of("id", INTEGER).primaryKey(), Column.of("name", string(50)));
        metadata.createAll(engine);
        try (Connection conn = engine.connect()) {
            conn.execute(dev.alchemy.Alchemy.insert(users).values(Map.of("name", "Alice")));
            // tag::like[]
            conn.execute(select(users.c("name")).where(users.c("name").like("al%"))); // SQLite: Alice; PostgreSQL: none
            conn.execute(select(users.c("name")).where(users.c("name").ilike("al%"))); // Alice on both
            // end::like[]
            assertThat(conn.execute(select(users.c("name"))
                                    .where(users.c("name").like("al%")))
                            .scalars())
                    .hasSize(db.isSqlite() ? 1 : 0);
            assertThat(conn.execute(select(users.c("name"))
                                    .where(users.c("name").ilike("al%")))
                            .scalars())
                    .containsExactly("Alice");
        }
    }

    @Test
    void nullsSortFirstOnSqliteAndLastOnPostgresql() {
        try (Session session = sessionFactory.openSession()) {
            session.add(new Job(null));
            session.commit();
            // tag::nulls[]
            List<Job> jobs = session.query(Job.class)
                    .orderBy(column(Job.class, "task").nullsLast()) // say where NULLs go: the defaults differ
                    .all();
            // end::nulls[]
            assertThat(jobs).extracting(j -> j.task).containsExactly("mail", "resize", null);
            assertThat(session.query(Job.class)
                            .orderBy(column(Job.class, "task"))
                            .all())
                    .extracting(j -> j.task)
                    .containsExactly(
                            db.isSqlite()
                                    ? new String[] {null, "mail", "resize"}
                                    : new String[] {"mail", "resize", null});
        }
        try (Connection conn = engine.connect()) {
            assertThat(conn.execute(text("SELECT count(*) FROM jobs")).scalar(Long.class))
                    .isEqualTo(3);
        }
    }
}
