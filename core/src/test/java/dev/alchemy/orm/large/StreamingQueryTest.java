package dev.alchemy.orm.large;

import static dev.alchemy.Alchemy.column;
import static dev.alchemy.Alchemy.select;
import static dev.alchemy.Alchemy.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.alchemy.engine.Connection;
import dev.alchemy.engine.Engine;
import dev.alchemy.engine.StatementEvent;
import dev.alchemy.exc.InvalidRequestError;
import dev.alchemy.exc.ResourceClosedError;
import dev.alchemy.orm.Base;
import dev.alchemy.orm.Load;
import dev.alchemy.orm.MapperEvents;
import dev.alchemy.orm.OrmExecuteState;
import dev.alchemy.orm.ScalarResult;
import dev.alchemy.orm.Session;
import dev.alchemy.orm.SessionEvents;
import dev.alchemy.orm.SessionFactory;
import dev.alchemy.orm.roundtrips.Address;
import dev.alchemy.orm.roundtrips.User;
import dev.alchemy.testing.OnDatabases;
import dev.alchemy.testing.TestDatabase;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;

/**
 * ORM streaming (issue 24): {@code Query.stream()}, {@code partitions}, {@code yieldPer} and
 * {@code expungeEachBatch} read objects a batch at a time from a cursor, through the same autoflush, loader criteria
 * and events as every query, and a stream left open is released with its transaction.
 */
@OnDatabases
class StreamingQueryTest {

    static final int USERS = 2_500;

    @Parameter
    TestDatabase db;

    Engine engine;
    SessionFactory sessions;
    final List<StatementEvent> statements = new CopyOnWriteArrayList<>();
    final AtomicInteger loads = new AtomicInteger();

    @BeforeEach
    void setUp() {
        engine = db.createEngine();
        Base.of(User.class, Address.class).metadata().createAll(engine);
        engine.useTransaction(conn -> {
            List<Map<String, ?>> users = new ArrayList<>();
            List<Map<String, ?>> addresses = new ArrayList<>();
            for (int i = 1; i <= USERS; i++) {
                users.add(Map.of("id", i, "name", "u" + i));
                addresses.add(Map.of("id", i, "email", "u" + i + "@example.com", "user_id", i));
            }
            conn.execute(text("INSERT INTO users (id, name) VALUES (:id, :name)"), users);
            conn.execute(text("INSERT INTO addresses (id, email, user_id) VALUES (:id, :email, :user_id)"), addresses);
        });
        sessions = new SessionFactory(engine).withListener(User.class, new MapperEvents<>() {
            @Override
            public void load(User target) {
                loads.incrementAndGet();
            }
        });
        engine.addStatementListener(statements::add);
    }

    @AfterEach
    void tearDown() {
        db.reset();
    }

    private long selectsFrom(String table) {
        return statements.stream()
                .map(StatementEvent::sql)
                .filter(s -> s.startsWith("SELECT") && s.contains("FROM " + table))
                .count();
    }

    @Test
    void streamBuildsOnlyTheBatchesItReads() {
        try (Session session = sessions.openSession();
                Stream<User> users = session.query(User.class).orderBy(column(User.class, "id")).stream()) {
            List<String> first = users.limit(10).map(u -> u.name).toList();
            assertThat(first).containsExactly("u1", "u2", "u3", "u4", "u5", "u6", "u7", "u8", "u9", "u10");
            assertThat(loads.get()).as("objects built: one batch of 1,000").isEqualTo(1000);
        }
    }

    @Test
    void yieldPerBuildsBatchesOfItsSizeAndSelectinLoadsPerBatch() {
        try (Session session = sessions.openSession();
                ScalarResult<User> result = session.scalars(select(User.class)
                        .orderBy(column(User.class, "id"))
                        .options(Load.selectin(User.class, "addresses"))
                        .yieldPer(500))) {
            assertThat(result.isStreamed()).isTrue();
            int seen = 0;
            for (List<User> batch : result.partitions()) {
                seen += batch.size();
                assertThat(batch).allSatisfy(u -> assertThat(u.addresses).hasSize(1));
                assertThat(loads.get()).isEqualTo(seen);
            }
            assertThat(seen).isEqualTo(USERS);
            assertThat(selectsFrom("addresses")).as("one IN query per batch").isEqualTo(5);
        }
    }

    @Test
    void partitionsOfAQuery() {
        try (Session session = sessions.openSession();
                Stream<List<User>> batches = session.query(User.class)
                        .orderBy(column(User.class, "id"))
                        .yieldPer(300)
                        .partitions(1000)) {
            List<Integer> sizes = batches.map(List::size).toList();
            assertThat(sizes).containsExactly(1000, 1000, 500);
        }
    }

    @Test
    void expungeEachBatchKeepsTheSessionSmallAndFlushesChangesFirst() {
        try (Session session = sessions.openSession()) {
            User kept = session.get(User.class, 1L);
            List<User> firstBatch = new ArrayList<>();
            try (Stream<User> users =
                    session
                            .query(User.class)
                            .orderBy(column(User.class, "id"))
                            .yieldPer(100)
                            .expungeEachBatch()
                            .stream()) {
                Iterator<User> it = users.iterator();
                int n = 0;
                while (it.hasNext()) {
                    User u = it.next();
                    if (n < 100 && u != kept) {
                        firstBatch.add(u);
                    }
                    u.name = u.name + "!";
                    n++;
                    if (n == 150) {
                        assertThat(session.contains(firstBatch.get(50))).isFalse();
                        assertThat(session.contains(u)).isTrue();
                    }
                }
                assertThat(n).isEqualTo(USERS);
            }
            assertThat(session.contains(kept)).as("held before the stream").isTrue();
            assertThat(firstBatch).noneMatch(session::contains);
            session.commit();
        }
        try (Connection conn = engine.connect()) {
            assertThat(conn.execute(text("SELECT count(*) FROM users WHERE name LIKE '%!'"))
                            .scalar(Long.class))
                    .as("every change written, none lost with its batch")
                    .isEqualTo(USERS);
        }
    }

    @Test
    void joinedCollectionWithYieldPerIsRefusedButStreamLoadsItPerBatch() {
        try (Session session = sessions.openSession()) {
            assertThatThrownBy(() -> session.scalars(select(User.class)
                            .options(Load.joined(User.class, "addresses"))
                            .yieldPer(100)))
                    .isInstanceOf(InvalidRequestError.class)
                    .hasMessageContaining("joined eager load of the collection User.addresses")
                    .hasMessageContaining("Load.selectin");
            try (Stream<User> users = session
                    .query(User.class)
                    .options(Load.joined(User.class, "addresses"))
                    .orderBy(column(User.class, "id"))
                    .stream()) {
                assertThat(users.filter(u -> u.addresses.size() == 1).count()).isEqualTo(USERS);
            }
        }
    }

    @Test
    void joinedManyToOneStreams() {
        try (Session session = sessions.openSession();
                ScalarResult<Address> addresses = session.scalars(select(Address.class)
                        .options(Load.joined(Address.class, "user"))
                        .orderBy(column(Address.class, "id"))
                        .yieldPer(500))) {
            statements.clear();
            assertThat(addresses.stream().filter(a -> a.user != null && a.user.name.equals("u" + a.id)))
                    .hasSize(USERS);
            assertThat(selectsFrom("users")).as("joined, not loaded apart").isZero();
        }
    }

    @Test
    void anUnclosedStreamIsReleasedWhenTheTransactionEnds() {
        try (Session session = sessions.openSession()) {
            Stream<User> users = session.query(User.class).yieldPer(10).stream();
            Iterator<User> it = users.iterator();
            it.next();
            session.commit();
            assertThatThrownBy(() -> {
                        for (int i = 0; i < 20; i++) {
                            it.next();
                        }
                    })
                    .isInstanceOf(ResourceClosedError.class)
                    .hasMessageContaining("committed");
            users.close(); // harmless after the release
            ScalarResult<User> open = session.scalars(select(User.class).yieldPer(10));
            open.iterator().next();
            session.rollback();
            assertThatThrownBy(() -> open.all()).isInstanceOf(ResourceClosedError.class);
        }
    }

    @Test
    void autoflushesBeforeTheStreamStarts() {
        try (Session session = sessions.openSession()) {
            User added = new User("new");
            added.id = 100_000L; // the seeded rows have explicit keys, PostgreSQL's sequence has not moved
            session.add(added);
            try (Stream<User> users = session.query(User.class).filterBy("name", "new").stream()) {
                assertThat(users.map(u -> u.id)).hasSize(1).doesNotContainNull();
            }
        }
    }

    @Test
    void loaderCriteriaAndOrmExecuteApplyToStreams() {
        List<Boolean> executed = new CopyOnWriteArrayList<>();
        SessionFactory filtered = sessions.withLoaderCriteria(
                        User.class, table -> table.c("id").le(100))
                .withListener(new SessionEvents() {
                    @Override
                    public void ormExecute(OrmExecuteState state) {
                        executed.add(state.isRelationshipLoad());
                    }
                });
        try (Session session = filtered.openSession();
                Stream<User> users = session.query(User.class).yieldPer(30).stream()) {
            assertThat(users.count()).isEqualTo(100);
            assertThat(executed).containsExactly(false);
        }
    }

    @Test
    void oneFirstAndAllOfAStreamedResult() {
        try (Session session = sessions.openSession()) {
            assertThat(session.scalars(select(User.class).filterBy("name", "u7").yieldPer(5))
                            .one()
                            .id)
                    .isEqualTo(7L);
            assertThat(session.scalars(select(User.class)
                                    .orderBy(column(User.class, "id"))
                                    .yieldPer(5))
                            .first()
                            .name)
                    .isEqualTo("u1");
            assertThat(session.query(User.class).yieldPer(100).all()).hasSize(USERS);
            assertThat(session.query(User.class).join("addresses").stream().count())
                    .as("a join's repeats returned once")
                    .isEqualTo(USERS);
        }
    }
}
