package dev.alchemy.boot.autoconfigure.session;

import static dev.alchemy.Alchemy.inspect;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.alchemy.boot.autoconfigure.AlchemyModels;
import dev.alchemy.dialect.Dialect;
import dev.alchemy.engine.Engine;
import dev.alchemy.exc.StaleDataError;
import dev.alchemy.orm.ObjectState;
import dev.alchemy.orm.Session;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A real application on an SQLite file: {@code @Transactional} services with the injected shared {@link Session},
 * {@code JdbcTemplate} beside it, tables made by {@code createAll} and {@code data.sql} run after it.
 * {@link PostgresqlSharedSessionTest} and {@link MariadbSharedSessionTest} run the same tests on PostgreSQL and on
 * MariaDB, configured by {@code spring.datasource.url}.
 */
@SpringBootTest(classes = SessionApp.class)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class SharedSessionTest {

    @TempDir
    static Path dir;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("alchemy.url", () -> "sqlite:///" + dir.resolve("session.db"));
        registry.add("spring.sql.init.mode", () -> "always");
        registry.add("spring.sql.init.data-locations", () -> "classpath:session/data.sql");
    }

    @Autowired
    Users users;

    @Autowired
    Session session;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    AlchemyModels models;

    @Autowired
    Engine engine;

    /** @return whether the application runs on PostgreSQL ({@link PostgresqlSharedSessionTest}) */
    boolean postgresql() {
        return Dialect.of(engine).name().equals("postgresql");
    }

    /** @return whether the application runs on MariaDB ({@link MariadbSharedSessionTest}) */
    boolean mariadb() {
        return Dialect.of(engine).name().equals("mariadb");
    }

    /** @return what the database says about a second user with the same email */
    String duplicateEmail() {
        if (mariadb()) {
            return "' for key 'email'"; // after "Duplicate entry 'the email"
        }
        return postgresql()
                ? "duplicate key value violates unique constraint \"users_email_key\""
                : "UNIQUE constraint failed: users.email";
    }

    @BeforeEach
    void onlyTheSeededUser() {
        jdbc.update("DELETE FROM users WHERE name <> 'Seeded'");
    }

    private List<String> names() {
        return jdbc.queryForList("SELECT name FROM users ORDER BY id", String.class);
    }

    @Test
    void createAllMadeTheTablesOfTheScannedModelsAndDataSqlRanAfterIt() {
        assertThat(models.models()).containsExactly(User.class);
        assertThat(models.packages()).containsExactly(SessionApp.class.getPackageName());
        if (postgresql() || mariadb()) {
            org.springframework.jdbc.core.RowMapper<String> nullableAndType =
                    (rs, row) -> rs.getString(1) + " " + rs.getString(2);
            String email = jdbc.queryForObject(
                    "SELECT is_nullable, data_type FROM information_schema.columns WHERE table_name = 'users'"
                            + " AND column_name = 'email'"
                            + (mariadb() ? " AND table_schema = DATABASE()" : ""),
                    nullableAndType);
            assertThat(email).isEqualTo(postgresql() ? "NO character varying" : "NO varchar");
            assertThat(inspect(engine).uniqueConstraints("users"))
                    .extracting(u -> u.columns())
                    .containsExactly(List.of("email"));
        } else {
            assertThat(jdbc.queryForObject("SELECT sql FROM sqlite_master WHERE name = 'users'", String.class))
                    .contains("email VARCHAR(100) NOT NULL", "UNIQUE (email)");
        }
        assertThat(names()).containsExactly("Seeded");
    }

    @Test
    void aTransactionalServiceWritesThroughTheSharedSessionAndReturnsADetachedObject() {
        User alice = users.register("Alice", "alice@example.com");
        assertThat(alice.id).isNotNull();
        assertThat(alice.version).isEqualTo(1);
        assertThat(names()).containsExactly("Seeded", "Alice");
        assertThat(session.stateOf(alice)).isEqualTo(ObjectState.DETACHED);
    }

    @Test
    void theSessionAndJdbcTemplateShareTheTransactionsConnection() {
        assertThat(users.flushThenCountWithJdbc("Flushed")).isOne();
    }

    @Test
    void aRollbackUndoesWhatTheSessionAndJdbcTemplateWrote() {
        assertThatThrownBy(() -> users.registerWithBothThenFail("Bob")).isInstanceOf(IllegalStateException.class);
        assertThat(names()).containsExactly("Seeded");
    }

    @Test
    void anObjectAddedInATransactionThatRolledBackGetsItsFieldsBack() {
        User[] added = new User[1];
        assertThatThrownBy(() -> users.inTransaction(s -> {
                    added[0] = new User("Carol", "carol@example.com");
                    s.add(added[0]);
                    s.flush();
                    assertThat(added[0].id).isNotNull();
                    throw new IllegalStateException("roll back");
                }))
                .isInstanceOf(IllegalStateException.class);
        assertThat(added[0].id).isNull();
        assertThat(added[0].version).isNull();
        assertThat(session.stateOf(added[0])).isEqualTo(ObjectState.TRANSIENT);
    }

    @Test
    void readsWorkOutsideATransaction() {
        User dan = users.register("Dan", "dan@example.com");
        User found = users.find(dan.id);
        assertThat(found).isNotNull().isNotSameAs(dan);
        assertThat(found.email).isEqualTo("dan@example.com");
        assertThat(users.names()).containsExactly("Seeded", "Dan");
        assertThat(session.query(User.class).filterBy("name", "Dan").count()).isOne();
        assertThat(session.execute(dev.alchemy.Alchemy.text("SELECT count(*) FROM users"))
                        .scalar(Long.class))
                .isEqualTo(2L);
    }

    @Test
    void aStreamIsConsumedInItsTransactionAndReadWholeOutsideOne() {
        users.register("Ann", "ann@example.com");
        try (java.util.stream.Stream<User> all = session.query(User.class).yieldPer(1).stream()) {
            assertThat(all.map(u -> u.name)).containsExactlyInAnyOrder("Seeded", "Ann");
        }
        List<java.util.stream.Stream<User>> leaked = new java.util.ArrayList<>();
        users.inTransaction(s -> {
            try (java.util.stream.Stream<User> inside = s.query(User.class).yieldPer(1).stream()) {
                assertThat(inside.count()).isEqualTo(2);
            }
            leaked.add(s.query(User.class).yieldPer(1).stream());
        });
        assertThatThrownBy(() -> leaked.get(0).count())
                .isInstanceOf(dev.alchemy.exc.ResourceClosedError.class)
                .hasMessageContaining("released");
    }

    @Test
    void queriesOfTheSharedSessionRunInTheTransactionsSessionWithBulkOperations() {
        users.register("Lou", "lou@example.com");
        users.inTransaction(s -> {
            User lou = s.query(User.class).filterBy("name", "Lou").one();
            assertThat(s.contains(lou)).isTrue();
            assertThat(s.query(User.class).filterBy("name", "Lou").delete()).isOne();
        });
        assertThat(names()).containsExactly("Seeded");
    }

    @Test
    void writesOutsideATransactionFailAndSayToUseTransactional() {
        User eve = new User("Eve", "eve@example.com");
        assertThatThrownBy(() -> session.add(eve))
                .isInstanceOf(IllegalTransactionStateException.class)
                .hasMessageStartingWith("Session.add() was called outside a transaction")
                .hasMessageContaining("@Transactional")
                .hasMessageContaining("alchemy.session.non-transactional=allow-reads");
        assertThatThrownBy(() -> session.flush()).hasMessageContaining("@Transactional");
        // a lock ends with its transaction: outside one it would be released at once, so it is refused like a write
        assertThatThrownBy(() -> session.getForUpdate(User.class, 1))
                .hasMessageStartingWith("Session.getForUpdate() was called outside a transaction");
        assertThatThrownBy(() -> session.execute(dev.alchemy.Alchemy.text("DELETE FROM users"), Map.of()))
                .hasMessageContaining("@Transactional");
        assertThat(names()).containsExactly("Seeded");
    }

    @Test
    void commitAndRollbackOnTheSharedSessionSayTheTransactionManagerOwnsTheTransaction() {
        assertThatThrownBy(() -> users.inTransaction(Session::commit))
                .isInstanceOf(IllegalTransactionStateException.class)
                .hasMessageContaining("cannot commit()")
                .hasMessageContaining("Spring's transaction manager owns the transaction");
        assertThatThrownBy(() -> session.rollback())
                .isInstanceOf(IllegalTransactionStateException.class)
                .hasMessageContaining("setRollbackOnly()");
    }

    @Test
    void aDuplicateFoundByTheCommitFlushIsADuplicateKeyException() {
        users.register("Fay", "fay@example.com");
        assertThatThrownBy(() -> users.register("Fay again", "fay@example.com"))
                .isInstanceOf(DuplicateKeyException.class)
                .hasMessageContaining("INSERT INTO users")
                .hasMessageContaining(duplicateEmail())
                .cause()
                .isInstanceOf(SQLException.class)
                .satisfies(cause -> assertThat(cause.getSuppressed()).isEmpty());
        assertThat(names()).containsExactly("Seeded", "Fay");
    }

    @Test
    void aDuplicateFoundByAnExplicitFlushIsADuplicateKeyException() {
        users.register("Gus", "gus@example.com");
        assertThatThrownBy(() -> users.registerAndFlush("Gus again", "gus@example.com"))
                .isInstanceOf(DuplicateKeyException.class);
        assertThat(names()).containsExactly("Seeded", "Gus");
    }

    @Test
    void aDuplicateFoundByAQuerysAutoflushLeavesTheTransactionalMethodAsADuplicateKeyException() {
        users.register("Hank", "hank@example.com");
        assertThatThrownBy(() -> users.registerThenCount("Hank again", "hank@example.com"))
                .isInstanceOf(DuplicateKeyException.class)
                .hasMessageContaining(duplicateEmail());
        assertThat(names()).containsExactly("Seeded", "Hank");
    }

    @Test
    void anOptimisticLockingConflictIsAnOptimisticLockingFailureException() {
        User stale = users.register("Hal", "hal@example.com");
        users.rename(stale.id, "Hal 2");
        assertThatThrownBy(() -> users.renameDetached(stale, "Hal 3"))
                .isInstanceOf(OptimisticLockingFailureException.class)
                .hasCauseInstanceOf(StaleDataError.class);
        assertThat(names()).containsExactly("Seeded", "Hal 2");
    }

    @Test
    void aReadOnlyTransactionWritesNothing() {
        User ida = users.register("Ida", "ida@example.com");
        users.renameReadOnly(ida.id, "Ida 2");
        assertThat(names()).containsExactly("Seeded", "Ida");
    }

    @Test
    void aRequiresNewTransactionHasItsOwnSessionAndCommitsWhenTheOuterOneRollsBack() {
        assertThatThrownBy(() -> users.registerWithInnerNewThenFail("Outer", "Inner"))
                .isInstanceOf(IllegalStateException.class);
        assertThat(names()).containsExactly("Seeded", "Inner");
    }

    @Test
    void aNestedTransactionRollsBackToItsSavepointAndTheOuterOneGoesOn() {
        users.registerAroundFailingNested("Outer", "Flushed inner", true);
        users.registerAroundFailingNested("Outer 2", "Unflushed inner", false);
        assertThat(names()).containsExactly("Seeded", "Outer", "Outer 2");
    }

    @Test
    void aNestedTransactionWhoseFlushFailsRollsBackToItsSavepointInMemoryTooAndTheOuterOneGoesOn() {
        users.register("Ivy", "ivy@example.com");
        Users.NestedOutcome outcome = users.registerAfterAFailedNestedFlush("Jay", "ivy@example.com");
        assertThat(outcome.state()).isEqualTo(ObjectState.TRANSIENT);
        assertThat(outcome.id()).isNull();
        assertThat(names()).containsExactly("Seeded", "Ivy", "Jay");
    }

    @Test
    void twoThreadsInTheirOwnTransactionsEachGetTheirOwnSessionThroughTheOneProxy() throws Exception {
        CountDownLatch bothAdded = new CountDownLatch(2);
        User jo = new User("Jo", "jo@example.com");
        User kim = new User("Kim", "kim@example.com");
        CompletableFuture<Boolean> first = CompletableFuture.supplyAsync(() -> addAndLook(jo, kim, bothAdded));
        CompletableFuture<Boolean> second = CompletableFuture.supplyAsync(() -> addAndLook(kim, jo, bothAdded));
        // each thread's session holds its own object and not the other thread's
        assertThat(first.get(30, TimeUnit.SECONDS)).isTrue();
        assertThat(second.get(30, TimeUnit.SECONDS)).isTrue();
        assertThat(names()).containsExactlyInAnyOrder("Seeded", "Jo", "Kim");
    }

    private boolean addAndLook(User mine, User theirs, CountDownLatch bothAdded) {
        Boolean seen = transactions.execute(status -> {
            session.add(mine);
            bothAdded.countDown();
            try {
                if (!bothAdded.await(20, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("the other thread did not add its user");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            return session.contains(mine) && !session.contains(theirs);
        });
        return Boolean.TRUE.equals(seen);
    }
}
