package dev.alchemy.orm;

import static dev.alchemy.Alchemy.text;
import static org.assertj.core.api.Assertions.assertThat;

import dev.alchemy.engine.Connection;
import dev.alchemy.engine.Engine;
import dev.alchemy.engine.EngineOptions;
import dev.alchemy.engine.StatementCache;
import dev.alchemy.orm.model.User;
import dev.alchemy.testing.OnDatabases;
import dev.alchemy.testing.TestDatabase;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;

/**
 * A flush compiles its multi-row INSERT once per shape and reuses it: every later batch of the same shape must
 * still write its own values, in its own rows, with its own keys.
 */
@OnDatabases
class FlushInsertBatchTest {

    @Parameter
    TestDatabase db;

    Engine engine;
    SessionFactory sessions;

    @BeforeEach
    void setUp() {
        engine = db.createEngine();
        Base.of(User.class).metadata().createAll(engine);
        sessions = new SessionFactory(engine);
    }

    @AfterEach
    void tearDown() {
        db.reset();
    }

    private static List<User> users(String prefix, int n) {
        List<User> users = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            users.add(new User(prefix + i, prefix + i + "@example.com"));
        }
        return users;
    }

    @Test
    void batchesOfTheSameShapeWriteTheirOwnValuesAndGetTheirOwnKeys() {
        List<User> all = new ArrayList<>();
        for (String prefix : List.of("a", "b", "c")) {
            List<User> users = users(prefix, 3); // the same shape each time: 3 rows of name and email
            try (Session session = sessions.openSession()) {
                session.addAll(users);
                session.commit();
            }
            all.addAll(users);
        }
        List<User> twoThousand = users("d", 2_001); // batches of 1,000, 1,000 and 1 rows
        try (Session session = sessions.openSession()) {
            session.addAll(twoThousand);
            session.commit();
        }
        all.addAll(twoThousand);
        try (Connection conn = engine.connect()) {
            assertThat(conn.execute(text("SELECT count(*) FROM users")).scalar(Integer.class))
                    .isEqualTo(all.size());
            for (User u : all) {
                assertThat(conn.execute(text("SELECT " + db.concat("name", "' '", "email") + " FROM users WHERE id = "
                                        + u.id))
                                .scalar())
                        .isEqualTo(u.name + " " + u.email);
            }
        }
    }

    @Test
    void objectsWithAndWithoutTheirOwnKeysInterleavedEachGetTheirRow() {
        // runs of objects that leave out the same columns join one INSERT; an object that breaks the run starts or
        // finds the group of its own kind, wherever it stands in the flush
        List<User> users = users("m", 9);
        for (int i = 0; i < users.size(); i += 3) {
            users.get(i).id = 1000 + i; // every third object brings its own key; the others get one from the database
        }
        try (Session session = sessions.openSession()) {
            session.addAll(users);
            session.commit();
        }
        try (Connection conn = engine.connect()) {
            assertThat(conn.execute(text("SELECT count(*) FROM users")).scalar(Integer.class))
                    .isEqualTo(9);
            for (int i = 0; i < users.size(); i++) {
                User u = users.get(i);
                if (i % 3 == 0) {
                    assertThat(u.id).isEqualTo(1000 + i);
                }
                assertThat(conn.execute(text("SELECT name FROM users WHERE id = " + u.id))
                                .scalar())
                        .isEqualTo("m" + i);
            }
        }
    }

    @Test
    void theFlushKeepsItsInsertTemplatesInTheEnginesCache() {
        // the compiled multi-row INSERTs of a flush live in the engine's bounded StatementCache, not in static state:
        // a second flush of the same shape finds its template there
        StatementCache cache = engine.statementCache();
        try (Session session = sessions.openSession()) {
            session.addAll(users("a", 3));
            session.commit();
        }
        long misses = cache.misses();
        long hits = cache.hits();
        int size = cache.size();
        try (Session session = sessions.openSession()) {
            session.addAll(users("b", 3));
            session.commit();
        }
        assertThat(cache.hits() - hits).isEqualTo(1);
        assertThat(cache.misses() - misses).isZero();
        assertThat(cache.size()).isEqualTo(size);

        // another engine has its own cache: the same shape is compiled again there
        Engine other = db.createEngine();
        try (Session session = new SessionFactory(other).openSession()) {
            session.addAll(users("c", 3));
            session.commit();
        }
        assertThat(other.statementCache().misses()).isEqualTo(1);
    }

    @Test
    void withoutACacheEveryBatchIsCompiledAndStillWritesItsOwnValues() {
        Engine uncached = db.createEngine(EngineOptions.defaults().statementCacheSize(0));
        SessionFactory factory = new SessionFactory(uncached);
        List<User> all = new ArrayList<>();
        for (String prefix : List.of("a", "b")) {
            List<User> users = users(prefix, 3);
            try (Session session = factory.openSession()) {
                session.addAll(users);
                session.commit();
            }
            all.addAll(users);
        }
        assertThat(uncached.statementCache().size()).isZero();
        try (Connection conn = uncached.connect()) {
            for (User u : all) {
                assertThat(conn.execute(text("SELECT email FROM users WHERE id = " + u.id))
                                .scalar())
                        .isEqualTo(u.email);
            }
        }
    }
}
