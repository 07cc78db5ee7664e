package dev.alchemy.docs;

import static dev.alchemy.Alchemy.createEngine;
import static dev.alchemy.Alchemy.select;
import static dev.alchemy.Alchemy.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.alchemy.engine.Connection;
import dev.alchemy.engine.Engine;
import dev.alchemy.engine.Retry;
import dev.alchemy.exc.InvalidRequestError;
import dev.alchemy.orm.Base;
import dev.alchemy.orm.BindResolver;
import dev.alchemy.orm.Column;
import dev.alchemy.orm.Session;
import dev.alchemy.orm.SessionFactory;
import dev.alchemy.orm.Table;
import java.nio.file.Path;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Java snippets of {@code docs/scaling.md}, each between {@code tag::name[]} and {@code end::name[]}; the page
 * shows them exactly as they are here ({@link DocSnippetsTest} checks it). Two SQLite files stand for two
 * databases; the PostgreSQL behaviour they describe is proven by {@code BindsTest}, {@code ReplicaBindTest} and
 * {@code SerializationRetryTest}.
 */
class ScalingDocTest {

    @Table(name = "customers")
    public static class Customer {
        @Column(primaryKey = true)
        public @Nullable Integer id;

        @Column
        public @Nullable String name;

        public Customer() {}

        public Customer(String name) {
            this.name = name;
        }
    }

    @Table(name = "audit_events")
    public static class AuditEvent {
        @Column(primaryKey = true)
        public @Nullable Integer id;

        @Column
        public @Nullable String what;

        public AuditEvent() {}

        public AuditEvent(String what) {
            this.what = what;
        }
    }

    @Table(name = "accounts")
    public static class Account {
        @Column(primaryKey = true)
        public @Nullable Integer id;

        @Column
        public int balance;

        public Account() {}

        public Account(int id, int balance) {
            this.id = id;
            this.balance = balance;
        }
    }

    @TempDir
    Path dir;

    Engine mainEngine;
    Engine auditEngine;

    @BeforeEach
    void databases() {
        mainEngine = createEngine("sqlite:///" + dir.resolve("main.db"));
        auditEngine = createEngine("sqlite:///" + dir.resolve("audit.db"));
        Base.of(Customer.class, Account.class).metadata().createAll(mainEngine);
        Base.of(AuditEvent.class).metadata().createAll(auditEngine);
    }

    @AfterEach
    void dispose() {
        mainEngine.dispose();
        auditEngine.dispose();
    }

    private static long count(Engine engine, String table) {
        try (Connection c = engine.connect()) {
            return c.execute(text("SELECT count(*) FROM " + table)).scalar(Long.class);
        }
    }

    @Test
    void binds() {
        // tag::binds[]
        SessionFactory sessionFactory = new SessionFactory(mainEngine) // everything not bound elsewhere
                .withBind(AuditEvent.class, auditEngine); // AuditEvent's rows live in the audit database

        try (Session session = sessionFactory.openSession()) {
            session.add(new Customer("Alice")); // INSERT on mainEngine
            session.add(new AuditEvent("Alice signed up")); // INSERT on auditEngine
            session.commit(); // commits mainEngine's transaction, then auditEngine's
        }

        try (Session session = sessionFactory.openSession()) {
            List<AuditEvent> events = session.query(AuditEvent.class).all(); // SELECT on auditEngine
            System.out.println(events.get(0).what); // Alice signed up
        }
        // end::binds[]
        assertThat(count(mainEngine, "customers")).isEqualTo(1);
        assertThat(count(auditEngine, "audit_events")).isEqualTo(1);

        dev.alchemy.schema.Table customers = java.util.Objects.requireNonNull(
                Base.of(Customer.class).metadata().table("customers"));
        dev.alchemy.schema.Table events = java.util.Objects.requireNonNull(
                Base.of(AuditEvent.class).metadata().table("audit_events"));
        try (Session session = sessionFactory.openSession()) {
            // tag::two-databases[]
            // a join of customers (mainEngine) with audit_events (auditEngine): no database holds both
            assertThatThrownBy(() -> session.execute(select(customers.c("name"), events.c("what"))))
                    .isInstanceOf(InvalidRequestError.class)
                    .hasMessageContaining("this statement needs several databases, and one statement runs on one");
            // end::two-databases[]
        }
    }

    @Test
    void resolver() {
        Engine primaryEngine = mainEngine;
        Engine replicaEngine = auditEngine;
        Base.of(Customer.class).metadata().createAll(replicaEngine);
        // tag::replica[]
        SessionFactory sessionFactory =
                new SessionFactory(primaryEngine).withBindResolver(BindResolver.replicaForReadOnly(replicaEngine));
        SessionFactory readOnly = sessionFactory.withReadOnly(true);

        try (Session session = sessionFactory.openSession()) {
            session.add(new Customer("Bob")); // written to the primary
            session.commit();
        }
        try (Session session = readOnly.openSession()) {
            session.query(Customer.class).all(); // read from the replica, once it has replayed the INSERT
        }
        // end::replica[]
        assertThat(count(primaryEngine, "customers")).isEqualTo(1);
        assertThat(count(replicaEngine, "customers")).isZero(); // two SQLite files here: nothing replicates

        // tag::resolver[]
        SessionFactory routed = new SessionFactory(primaryEngine).withBindResolver(request -> {
            if (request.readOnly() && request.model() == Customer.class) {
                return replicaEngine; // reports on customers read from the replica
            }
            return request.mappedBind(); // everything else where the binds put it
        });
        // end::resolver[]
        try (Session session = routed.withReadOnly(true).openSession()) {
            assertThat(session.query(Customer.class).all()).isEmpty(); // the replica's (empty) table
        }
        try (Session session = routed.openSession()) {
            assertThat(session.query(Customer.class).all()).hasSize(1);
        }
    }

    @Test
    void retry() {
        SessionFactory sessionFactory = new SessionFactory(mainEngine);
        sessionFactory.useTransaction(session -> session.add(new Account(1, 100)));
        // tag::retry[]
        int balance = sessionFactory.inTransaction(Retry.onSerializationFailure(5), session -> {
            Account account = session.get(Account.class, 1); // read inside: each attempt reads anew
            account.balance -= 30;
            return account.balance; // committed once, whatever the number of attempts
        });
        // end::retry[]
        assertThat(balance).isEqualTo(70);
        try (Session session = sessionFactory.openSession()) {
            assertThat(session.get(Account.class, 1).balance).isEqualTo(70);
        }
    }
}
