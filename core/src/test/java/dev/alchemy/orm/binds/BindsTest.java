package dev.alchemy.orm.binds;

import static dev.alchemy.Alchemy.insert;
import static dev.alchemy.Alchemy.select;
import static dev.alchemy.Alchemy.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.alchemy.engine.Connection;
import dev.alchemy.engine.Engine;
import dev.alchemy.exc.InvalidRequestError;
import dev.alchemy.orm.Base;
import dev.alchemy.orm.BindRequest;
import dev.alchemy.orm.Column;
import dev.alchemy.orm.ForeignKey;
import dev.alchemy.orm.Relationship;
import dev.alchemy.orm.Session;
import dev.alchemy.orm.SessionFactory;
import dev.alchemy.orm.Table;
import dev.alchemy.schema.MetaData;
import dev.alchemy.testing.OnDatabases;
import dev.alchemy.testing.TestDatabase;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;

/**
 * A session over two databases (SQLAlchemy's {@code binds}): each model's statements run on its engine, one
 * transaction per engine, committed and rolled back together; a statement that would need both is refused. Two
 * SQLite files, or two databases of the embedded PostgreSQL server.
 */
@OnDatabases
class BindsTest {

    @Table(name = "customers")
    static class Customer {
        @Column(primaryKey = true)
        @Nullable
        Integer id;

        @Column(length = 100)
        @Nullable
        String name;

        Customer() {}

        Customer(String name) {
            this.name = name;
        }
    }

    @Table(name = "audit_events")
    static class AuditEvent {
        @Column(primaryKey = true)
        @Nullable
        Integer id;

        @Column(length = 100)
        @Nullable
        String what;

        AuditEvent() {}

        AuditEvent(String what) {
            this.what = what;
        }
    }

    /** A chain whose links are written after the rows ({@code postUpdate}), kept in the audit database. */
    @Table(name = "audit_chain")
    static class Link {
        @Column(primaryKey = true)
        @Nullable
        Integer id;

        @Column(length = 100)
        @Nullable
        String name;

        @Column
        @ForeignKey("audit_chain.id")
        @Nullable
        Integer nextId;

        @Relationship(postUpdate = true)
        @Nullable
        Link next;

        Link() {}

        Link(String name) {
            this.name = name;
        }
    }

    @Parameter
    TestDatabase db;

    /** The second database, of the same kind. */
    TestDatabase auditDb;

    Engine main;
    Engine audit;
    SessionFactory sessions;
    MetaData auditTables;

    @BeforeEach
    void open() {
        auditDb = TestDatabase.create(db.kind(), "BindsTestAudit");
        main = db.createEngine();
        audit = auditDb.createEngine();
        Base.of(Customer.class).metadata().createAll(main);
        auditTables = Base.of(AuditEvent.class, Link.class).metadata();
        auditTables.createAll(audit);
        sessions = new SessionFactory(main).withBind(AuditEvent.class, audit).withBind(Link.class, audit);
    }

    @AfterEach
    void close() {
        try {
            db.reset();
        } finally {
            auditDb.close();
        }
    }

    private static long count(Engine engine, String table) {
        try (Connection c = engine.connect()) {
            return ((Number) c.execute(text("SELECT count(*) FROM " + table)).scalar()).longValue();
        }
    }

    private boolean hasTable(Engine engine, String table) {
        // MariaDB's information_schema shows every database of the server: the engine's own is database()
        String sql = db.isSqlite()
                ? "SELECT count(*) FROM sqlite_master WHERE name = :n"
                : "SELECT count(*) FROM information_schema.tables WHERE table_name = :n"
                        + (db.isMariadb() ? " AND table_schema = database()" : "");
        try (Connection c = engine.connect()) {
            return c.execute(text(sql), java.util.Map.of("n", table)).scalar() instanceof Number n && n.intValue() == 1;
        }
    }

    @Test
    void eachModelIsWrittenToAndReadFromItsOwnDatabase() {
        try (Session session = sessions.openSession()) {
            session.add(new Customer("Alice"));
            session.add(new AuditEvent("Alice signed up"));
            session.commit();
        }
        assertThat(count(main, "customers")).isEqualTo(1);
        assertThat(count(audit, "audit_events")).isEqualTo(1);
        assertThat(hasTable(main, "audit_events")).isFalse(); // never created there, never written there
        assertThat(hasTable(audit, "customers")).isFalse();

        try (Session session = sessions.openSession()) {
            assertThat(session.query(Customer.class).one().name).isEqualTo("Alice");
            assertThat(session.query(AuditEvent.class).one().what).isEqualTo("Alice signed up");
            assertThat(session.query(AuditEvent.class).count()).isEqualTo(1); // a COUNT runs on the model's engine
            assertThat(session.query(AuditEvent.class).exists()).isTrue(); // and so does an EXISTS
        }
    }

    @Test
    void postUpdateWritesRunOnTheModelsEngineToo() {
        try (Session session = sessions.openSession()) {
            session.add(new Customer("Ivy")); // the session's first transaction is on the main database
            session.flush();
            Link a = new Link("a");
            Link b = new Link("b");
            a.next = b;
            b.next = a; // a cycle among new objects: the keys are written by UPDATEs after both INSERTs
            session.add(a);
            session.add(b);
            session.commit();
        }
        try (Connection c = audit.connect()) {
            assertThat(c.execute(text("SELECT count(*) FROM audit_chain WHERE next_id IS NOT NULL"))
                            .scalar())
                    .isInstanceOf(Number.class)
                    .satisfies(n -> assertThat(((Number) n).intValue()).isEqualTo(2));
        }
        assertThat(hasTable(main, "audit_chain")).isFalse();
    }

    @Test
    void bindsReadOnlyAndObserverSurviveEveryCopyOfTheFactory() {
        List<String> seen = new ArrayList<>();
        dev.alchemy.orm.OrmObserver observer = new dev.alchemy.orm.OrmObserver() {
            @Override
            public Scope flushStarting() {
                seen.add("flush");
                return Scope.NONE;
            }

            @Override
            public Scope queryStarting(Class<?> model, String operation) {
                seen.add("query " + model.getSimpleName());
                return Scope.NONE;
            }
        };
        SessionFactory copied = new SessionFactory(main)
                .withObserver(observer)
                .withReadOnly(false)
                .withBind(AuditEvent.class, audit)
                .withAutoflush(false)
                .withExpireOnCommit(false)
                .withBindResolver(BindRequest::mappedBind)
                .withBind(Link.class, audit);
        assertThat(copied.observer()).containsSame(observer);
        try (Session session = copied.openSession()) {
            session.add(new AuditEvent("copied"));
            session.commit();
            assertThat(session.query(AuditEvent.class).count()).isEqualTo(1);
            assertThat(session.query(AuditEvent.class).all()).hasSize(1);
        }
        assertThat(count(audit, "audit_events")).isEqualTo(1); // the bind survived the later copies
        assertThat(seen).contains("flush", "query AuditEvent");

        SessionFactory readOnly = copied.withReadOnly(true).withAutoflush(true);
        assertThat(readOnly.readOnly()).isTrue();
        assertThat(readOnly.observer()).containsSame(observer);
        assertThat(readOnly.withBindResolver(null).withObserver(observer).readOnly())
                .isTrue();
        try (Session session = readOnly.openSession()) {
            assertThat(session.query(AuditEvent.class).one().what).isEqualTo("copied"); // still read from audit
            session.add(new AuditEvent("refused"));
            assertThatThrownBy(session::flush).isInstanceOf(InvalidRequestError.class);
        }
    }

    @Test
    void coreStatementsOnABoundModelsTableRunOnItsEngine() {
        dev.alchemy.schema.Table events = java.util.Objects.requireNonNull(auditTables.table("audit_events"));
        try (Session session = sessions.openSession()) {
            session.execute(insert(events).values(java.util.Map.of("what", "by Core")));
            assertThat(session.execute(select(events.c("what"))).scalar()).isEqualTo("by Core");
            session.commit();
        }
        assertThat(count(audit, "audit_events")).isEqualTo(1);
    }

    @Test
    void aRollbackUndoesTheWorkInBothDatabases() {
        try (Session session = sessions.openSession()) {
            session.add(new Customer("Bob"));
            session.add(new AuditEvent("Bob signed up"));
            session.flush();
            session.rollback();
        }
        assertThat(count(main, "customers")).isZero();
        assertThat(count(audit, "audit_events")).isZero();
    }

    @Test
    void closingWithoutCommitLeavesBothDatabasesUnchanged() {
        try (Session session = sessions.openSession()) {
            session.add(new Customer("Carol"));
            session.add(new AuditEvent("Carol signed up"));
            session.flush();
        }
        assertThat(count(main, "customers")).isZero();
        assertThat(count(audit, "audit_events")).isZero();
    }

    @Test
    void aStatementOverTablesOfTwoDatabasesIsRefusedNamingThem() {
        dev.alchemy.schema.Table customers = java.util.Objects.requireNonNull(
                Base.of(Customer.class).metadata().table("customers"));
        dev.alchemy.schema.Table events = java.util.Objects.requireNonNull(auditTables.table("audit_events"));
        try (Session session = sessions.openSession()) {
            assertThatThrownBy(() -> session.execute(select(customers.c("name"), events.c("what"))))
                    .isInstanceOf(InvalidRequestError.class)
                    .hasMessageContaining("needs several databases")
                    .hasMessageContaining("table audit_events bound to " + audit)
                    .hasMessageContaining("SessionFactory.withBind");
        }
    }

    @Test
    void aSavepointCoversOneDatabase() {
        try (Session session = sessions.openSession()) {
            session.add(new Customer("Dan"));
            session.add(new AuditEvent("Dan signed up"));
            session.flush();
            assertThatThrownBy(session::beginNested)
                    .isInstanceOf(InvalidRequestError.class)
                    .hasMessageContaining("spans several databases");
        }
        try (Session session = sessions.openSession()) {
            session.add(new Customer("Eve"));
            session.flush();
            session.beginNested();
            session.add(new AuditEvent("Eve signed up"));
            assertThatThrownBy(session::flush).hasMessageContaining("a savepoint covers one database");
        }
    }

    @Test
    void theResolverIsAskedForEveryStatementWithWhatItNeeds() {
        List<BindRequest> asked = new ArrayList<>();
        SessionFactory recorded = sessions.withBindResolver(request -> {
            asked.add(request);
            return request.mappedBind();
        });
        try (Session session = recorded.openSession()) {
            session.add(new AuditEvent("seen"));
            session.commit();
            session.query(AuditEvent.class).all();
        }
        assertThat(asked).anySatisfy(r -> {
            assertThat(r.model()).isEqualTo(AuditEvent.class);
            assertThat(r.write()).isTrue();
            assertThat(r.mappedBind()).isSameAs(audit);
        });
        assertThat(asked).anySatisfy(r -> {
            assertThat(r.model()).isEqualTo(AuditEvent.class);
            assertThat(r.write()).isFalse();
            assertThat(r.tables()).extracting(t -> t.name()).containsExactly("audit_events");
            assertThat(r.readOnly()).isFalse();
        });
    }

    @Test
    void aResolverMaySendAModelElsewhere() {
        // everything on the main engine, whatever the binds say: the resolver has the last word
        SessionFactory overridden = sessions.withBindResolver(request -> main);
        Base.of(AuditEvent.class).metadata().createAll(main);
        try (Session session = overridden.openSession()) {
            session.add(new AuditEvent("routed"));
            session.commit();
        }
        assertThat(count(main, "audit_events")).isEqualTo(1);
        assertThat(count(audit, "audit_events")).isZero();
    }

    @Test
    void aReadOnlySessionReadsButRefusesToWrite() {
        try (Session session = sessions.openSession()) {
            session.add(new Customer("Fay"));
            session.commit();
        }
        SessionFactory readOnly = sessions.withReadOnly(true);
        dev.alchemy.schema.Table customers = java.util.Objects.requireNonNull(
                Base.of(Customer.class).metadata().table("customers"));
        try (Session session = readOnly.openSession()) {
            Customer fay = session.query(Customer.class).one();
            fay.name = "Fay Changed";
            assertThat(session.query(Customer.class).count()).isEqualTo(1); // no autoflush, no error
            assertThatThrownBy(session::commit)
                    .isInstanceOf(InvalidRequestError.class)
                    .hasMessageContaining("read-only");
            session.add(new Customer("Gus"));
            assertThatThrownBy(session::flush).isInstanceOf(InvalidRequestError.class);
            assertThatThrownBy(() -> session.execute(insert(customers).values(java.util.Map.of("name", "Hal"))))
                    .isInstanceOf(InvalidRequestError.class)
                    .hasMessageContaining("cannot execute INSERT");
        }
        try (Session session = sessions.openSession()) {
            assertThat(session.query(Customer.class).all())
                    .extracting(c -> c.name)
                    .containsExactly("Fay");
        }
    }
}
