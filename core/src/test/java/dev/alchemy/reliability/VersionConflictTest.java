package dev.alchemy.reliability;

import static dev.alchemy.Alchemy.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.alchemy.engine.Connection;
import dev.alchemy.engine.Engine;
import dev.alchemy.engine.Row;
import dev.alchemy.exc.StaleDataError;
import dev.alchemy.orm.Base;
import dev.alchemy.orm.Column;
import dev.alchemy.orm.Session;
import dev.alchemy.orm.SessionFactory;
import dev.alchemy.orm.Table;
import dev.alchemy.orm.Version;
import dev.alchemy.testing.OnDatabases;
import dev.alchemy.testing.TestDatabase;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.Parameter;

/**
 * Two sessions change the same versioned row: exactly one wins, the other gets {@link StaleDataError}, and the
 * database holds the winner's values and the next version. Run as a race (both commit at the same moment from two
 * threads, many rounds) and step by step.
 */
@OnDatabases
class VersionConflictTest {

    static final int ROUNDS = 25;

    @Table(name = "documents")
    static class Document {
        @Column(primaryKey = true)
        Long id;

        @Column(nullable = false, length = 100)
        String body;

        @Version
        @Column
        Integer version;

        Document() {}

        Document(String body) {
            this.body = body;
        }
    }

    @Parameter
    TestDatabase db;

    Engine engine;
    SessionFactory sessions;

    @BeforeEach
    void open() {
        engine = db.createEngine();
        Base.of(Document.class).metadata().createAll(engine);
        sessions = new SessionFactory(engine);
    }

    @AfterEach
    void clean() {
        db.reset();
    }

    private long create(String body) {
        try (Session session = sessions.openSession()) {
            Document d = new Document(body);
            session.add(d);
            session.commit();
            return d.id;
        }
    }

    /** Loads a row in a session of its own and closes it: what a web request that shows a form does. */
    private Document loadDetached(long id) {
        try (Session session = sessions.openSession()) {
            Document d = session.get(Document.class, id);
            d.body.length(); // loaded now, not on first use
            return d;
        }
    }

    private Row row(long id) {
        try (Connection conn = engine.connect()) {
            return conn.execute(text("SELECT body, version FROM documents WHERE id = :id"), java.util.Map.of("id", id))
                    .one();
        }
    }

    @Test
    void theSecondCommitOfTheSameVersionIsStaleAndTheFirstStays() {
        long id = create("v1");
        Document mine = loadDetached(id);
        Document theirs = loadDetached(id);
        try (Session session = sessions.openSession()) {
            session.add(theirs);
            theirs.body = "theirs";
            session.commit();
        }
        try (Session session = sessions.openSession()) {
            session.add(mine);
            mine.body = "mine";
            assertThatThrownBy(session::commit)
                    .isInstanceOf(StaleDataError.class)
                    .hasMessageContaining("documents")
                    .hasMessageContaining("expected to update 1 row(s); 0 were matched");
            session.rollback();
        }
        assertThat(row(id).get("body")).isEqualTo("theirs");
        assertThat(row(id).get("version", Integer.class)).isEqualTo(2);
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void twoSessionsCommittingAtOnceLeaveExactlyOneWinner() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < ROUNDS; round++) {
                long id = create("start");
                CyclicBarrier together = new CyclicBarrier(2);
                List<Future<String>> outcomes = new ArrayList<>();
                for (String name : List.of("left", "right")) {
                    Document copy = loadDetached(id);
                    outcomes.add(threads.submit(() -> {
                        try (Session session = sessions.openSession()) {
                            session.add(copy);
                            copy.body = name;
                            together.await(10, TimeUnit.SECONDS);
                            try {
                                session.commit();
                                return name;
                            } catch (StaleDataError e) {
                                session.rollback();
                                return "stale";
                            }
                        }
                    }));
                }
                List<String> results = new ArrayList<>();
                for (Future<String> f : outcomes) {
                    results.add(f.get(60, TimeUnit.SECONDS));
                }
                assertThat(results).as("round %d", round).containsOnlyOnce("stale");
                String winner = results.get(0).equals("stale") ? results.get(1) : results.get(0);
                Row row = row(id);
                assertThat(row.get("body")).as("round %d", round).isEqualTo(winner);
                assertThat(row.get("version", Integer.class)).isEqualTo(2);
            }
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void aStaleDeleteIsRefusedAndTheRowStays() {
        long id = create("keep me");
        Document old = loadDetached(id);
        try (Session session = sessions.openSession()) {
            session.get(Document.class, id).body = "edited";
            session.commit();
        }
        try (Session session = sessions.openSession()) {
            session.delete(old);
            assertThatThrownBy(session::commit)
                    .isInstanceOf(StaleDataError.class)
                    .hasMessageContaining("expected to delete 1 row(s); 0 were matched");
            session.rollback();
        }
        assertThat(row(id).get("body")).isEqualTo("edited");
    }
}
