package dev.alchemy.docs.orm;

import static dev.alchemy.Alchemy.column;
import static dev.alchemy.Alchemy.createEngine;
import static dev.alchemy.Alchemy.select;
import static org.assertj.core.api.Assertions.assertThat;

import dev.alchemy.engine.Engine;
import dev.alchemy.engine.StatementEvent;
import dev.alchemy.orm.Base;
import dev.alchemy.orm.Query;
import dev.alchemy.orm.ScalarResult;
import dev.alchemy.orm.Session;
import dev.alchemy.orm.SessionFactory;
import dev.alchemy.sql.KeysetPage;
import dev.alchemy.sql.OffsetPage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The snippets of the section "Large results" of {@code docs/orm.md} (streaming, expunging each batch, pages,
 * write-only collections), run, with what the page says about them checked.
 */
class LargeResultsOrmDocTest {

    @TempDir
    Path dir;

    Engine engine;
    SessionFactory sessionFactory;
    final List<StatementEvent> statements = new CopyOnWriteArrayList<>();
    final List<User> sent = new ArrayList<>();
    final List<List<Event>> written = new ArrayList<>();
    final List<String> rows = new ArrayList<>();

    @BeforeEach
    void setUp() {
        engine = createEngine("sqlite:///" + dir.resolve("large.db"));
        Base.of(User.class, Event.class, Account.class, Entry.class).metadata().createAll(engine);
        sessionFactory = new SessionFactory(engine);
        try (Session session = sessionFactory.openSession()) {
            for (int i = 1; i <= 2_500; i++) {
                session.add(new User("user " + (i % 50), "u" + i + "@example.com"));
                session.add(new Event("event " + i));
            }
            session.commit();
        }
        engine.addStatementListener(statements::add);
    }

    @AfterEach
    void dispose() {
        engine.dispose();
    }

    @Test
    void streamReadsOneBatch() {
        try (Session session = sessionFactory.openSession()) {
            // tag::stream[]
            try (Stream<User> users = session.query(User.class).orderBy(column(User.class, "id")).stream()) {
                users.filter(u -> u.email.endsWith("@example.com")).limit(10).forEach(sent::add);
            }
            // end::stream[]
            assertThat(sent).extracting(u -> u.id).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
            assertThat(session.contains(session.get(User.class, 1000))).isTrue(); // in the first batch of 1,000
            statements.clear();
            session.get(User.class, 1001);
            assertThat(statements)
                    .as("user 1001 was never built: a SELECT finds it")
                    .hasSize(1);
        }
    }

    @Test
    void yieldPerPartitions() {
        try (Session session = sessionFactory.openSession()) {
            // tag::yield-per[]
            try (ScalarResult<Event> events =
                    session.scalars(select(Event.class).yieldPer(500))) {
                for (List<Event> batch : events.partitions()) { // one list per batch of 500 rows
                    written.add(batch);
                }
            }
            // end::yield-per[]
        }
        assertThat(written).hasSize(5).allMatch(batch -> batch.size() == 500);
    }

    @Test
    void expungeEachBatch() {
        try (Session session = sessionFactory.openSession()) {
            // tag::expunge[]
            try (Stream<Event> events =
                    session
                            .query(Event.class)
                            .orderBy(column(Event.class, "id"))
                            .yieldPer(1000)
                            .expungeEachBatch()
                            .stream()) {
                events.forEach(e -> rows.add(e.id + "," + e.payload)); // in the memory of 1,000 objects
            }
            // end::expunge[]
            statements.clear();
            session.get(Event.class, 1L);
            assertThat(statements).as("the batches left the session").hasSize(1);
        }
        assertThat(rows).hasSize(2_500).startsWith("1,event 1");
    }

    @Test
    void pages() {
        try (Session session = sessionFactory.openSession()) {
            // tag::pages[]
            Query<User> byName =
                    session.query(User.class).orderBy(column(User.class, "name"), column(User.class, "id"));

            OffsetPage<User> page = byName.page(3, 20); // users 41 to 60: LIMIT 20 OFFSET 40
            long total = page.total(); // SELECT count(*) FROM (<the query>): for numbered links

            KeysetPage<User> first = byName.keysetPage(50, null);
            KeysetPage<User> second = byName.keysetPage(50, first.next()); // WHERE name >= ? AND (name > ? OR ...)
            // end::pages[]
            assertThat(total).isEqualTo(2_500);
            assertThat(page.totalPages()).isEqualTo(125);
            List<User> all = byName.all();
            assertThat(page.items()).containsExactlyElementsOf(all.subList(40, 60));
            assertThat(second.items()).containsExactlyElementsOf(all.subList(50, 100));
        }
    }

    @Test
    void writeOnlyCollection() {
        Long id;
        try (Session session = sessionFactory.openSession()) {
            Account a = new Account();
            session.add(a);
            session.commit();
            id = a.id;
        }
        statements.clear();
        try (Session session = sessionFactory.openSession()) {
            Account account = session.get(Account.class, id);
            for (int i = 0; i < 30; i++) {
                account.entries.add(new Entry(i));
            }
            session.commit();
            // tag::write-only[]
            account.entries.add(new Entry(100)); // nothing is read
            session.commit(); // INSERT INTO entries (amount, account_id) VALUES (?, ?)

            List<Entry> latest = session.scalars(account.entries
                            .select() // WHERE entries.account_id = ?
                            .orderBy(column(Entry.class, "id").desc())
                            .limit(20))
                    .all();
            long n = session.execute(account.entries.select().countStatement()).scalar(Long.class);

            account.entries.remove(latest.get(0)); // delete-orphan: DELETE at the flush
            session.commit();
            // end::write-only[]
            assertThat(latest).hasSize(20);
            assertThat(latest.get(0).amount).isEqualTo(100);
            assertThat(n).isEqualTo(31);
            assertThat(session.execute(account.entries.select().countStatement())
                            .scalar(Long.class))
                    .isEqualTo(30);
        }
        assertThat(statements.stream()
                        .map(StatementEvent::sql)
                        .filter(s -> s.startsWith("SELECT entries.") && !s.contains("WHERE entries.account_id = ?")))
                .as("the entries are only read by select()")
                .isEmpty();
    }
}
