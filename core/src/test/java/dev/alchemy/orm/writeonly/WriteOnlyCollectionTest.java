package dev.alchemy.orm.writeonly;

import static dev.alchemy.Alchemy.column;
import static dev.alchemy.Alchemy.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.alchemy.engine.Connection;
import dev.alchemy.engine.Engine;
import dev.alchemy.engine.StatementEvent;
import dev.alchemy.exc.ArgumentError;
import dev.alchemy.exc.InvalidRequestError;
import dev.alchemy.exc.MappingError;
import dev.alchemy.orm.Base;
import dev.alchemy.orm.Load;
import dev.alchemy.orm.Session;
import dev.alchemy.orm.SessionFactory;
import dev.alchemy.orm.internal.mapping.Mapper;
import dev.alchemy.testing.OnDatabases;
import dev.alchemy.testing.TestDatabase;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;

/**
 * Write-only collections (issue 24, SQLAlchemy 2.0's {@code WriteOnlyMapped}): children are added and removed
 * through the collection and written by the flush, read with a query scoped to the owner, and the collection is never
 * loaded; the statements each engine ran are counted to show it.
 */
@OnDatabases
class WriteOnlyCollectionTest {

    @Parameter
    TestDatabase db;

    Engine engine;
    SessionFactory sessions;
    final List<StatementEvent> statements = new CopyOnWriteArrayList<>();

    @BeforeEach
    void setUp() {
        engine = db.createEngine();
        Base.of(Account.class, Entry.class, Feed.class, Item.class).metadata().createAll(engine);
        sessions = new SessionFactory(engine);
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

    private long count(String sql) {
        try (Connection conn = engine.connect()) {
            return conn.execute(text(sql)).scalar(Long.class);
        }
    }

    private Long newAccount(String name) {
        try (Session session = sessions.openSession()) {
            Account account = new Account(name);
            session.add(account);
            session.commit();
            return account.id;
        }
    }

    @Test
    void aHundredThousandChildrenGrowWithoutTheCollectionBeingLoaded() {
        Long id = newAccount("big");
        engine.addStatementListener(statements::add);
        try (Session session = sessions.openSession()) {
            Account account = session.get(Account.class, id);
            for (int i = 0; i < 100_000; i++) {
                account.entries.add(new Entry(i));
            }
            session.commit();
        }
        try (Session session = sessions.openSession()) {
            Account account = session.get(Account.class, id);
            Entry one = new Entry(-1);
            account.entries.add(one);
            session.commit();
            assertThat(one.accountId).isEqualTo(id);
        }
        assertThat(selectsFrom("entries")).as("the collection is never loaded").isZero();
        assertThat(count("SELECT count(*) FROM entries WHERE account_id = " + id))
                .isEqualTo(100_001);
        try (Session session = sessions.openSession()) {
            Account account = session.get(Account.class, id);
            statements.clear();
            List<Entry> latest = session.scalars(account.entries
                            .select()
                            .orderBy(column(Entry.class, "id").desc())
                            .limit(3))
                    .all();
            assertThat(latest).extracting(e -> e.amount).containsExactly(-1, 99_999, 99_998);
            assertThat(statements).hasSize(1);
            assertThat(statements.get(0).sql()).contains("WHERE entries.account_id = ?");
        }
    }

    @Test
    void selectIsScopedToTheOwnerAndTakesFiltersOrderAndLimit() {
        try (Session session = sessions.openSession()) {
            Account a = new Account("a");
            Account b = new Account("b");
            for (int i = 1; i <= 5; i++) {
                a.entries.add(new Entry(i)); // added before the owner is in a session: written with it
                b.entries.add(new Entry(100 + i));
            }
            session.addAll(List.of(a, b));
            session.commit();
            List<Entry> big = session.scalars(a.entries
                            .select()
                            .where(column(Entry.class, "amount").ge(3))
                            .orderBy(column(Entry.class, "amount").desc())
                            .limit(2))
                    .all();
            assertThat(big).extracting(e -> e.amount).containsExactly(5, 4);
            assertThat(big).allMatch(e -> e.account == a);
            assertThat(session.query(Entry.class).filterBy("accountId", b.id).count())
                    .isEqualTo(5);
            assertThat(session.execute(b.entries.select().countStatement()).scalar(Long.class))
                    .isEqualTo(5);
        }
    }

    @Test
    void aQueryAutoflushesWhatWasAddedSoSelectSeesIt() {
        Long id = newAccount("a");
        try (Session session = sessions.openSession()) {
            Account account = session.get(Account.class, id);
            account.entries.add(new Entry(7));
            assertThat(session.scalars(account.entries.select()).all())
                    .extracting(e -> e.amount)
                    .containsExactly(7);
        }
    }

    @Test
    void removedChildrenAreDeletedAsOrphans() {
        Long id = newAccount("a");
        try (Session session = sessions.openSession()) {
            Account account = session.get(Account.class, id);
            account.entries.addAll(List.of(new Entry(1), new Entry(2), new Entry(3)));
            session.commit();
            Entry two = session.scalars(account.entries.select().filterBy("amount", 2))
                    .one();
            account.entries.remove(two);
            assertThat(two.account).as("back-reference cleared at once").isNull();
            session.commit();
        }
        assertThat(count("SELECT count(*) FROM entries")).isEqualTo(2);
        assertThat(count("SELECT count(*) FROM entries WHERE amount = 2")).isZero();
    }

    @Test
    void removedChildrenWithoutOrphanCascadeLoseTheirForeignKey() {
        Long feedId;
        try (Session session = sessions.openSession()) {
            Feed feed = new Feed();
            feed.items.add(new Item("one"));
            feed.items.add(new Item("two"));
            session.add(feed);
            session.commit();
            feedId = feed.id;
            Item one = session.scalars(feed.items.select().filterBy("title", "one"))
                    .one();
            feed.items.remove(one);
            session.commit();
        }
        assertThat(count("SELECT count(*) FROM items WHERE feed_id IS NULL")).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM items WHERE feed_id = " + feedId))
                .isEqualTo(1);
    }

    @Test
    void deletingTheOwnerNeverLoadsTheChildren() {
        Long accountId = newAccount("a");
        Long feedId;
        try (Session session = sessions.openSession()) {
            session.get(Account.class, accountId).entries.add(new Entry(1));
            Feed feed = new Feed();
            feed.items.add(new Item("x"));
            session.add(feed);
            session.commit();
            feedId = feed.id;
        }
        engine.addStatementListener(statements::add);
        try (Session session = sessions.openSession()) {
            session.delete(session.get(Account.class, accountId)); // passiveDeletes: ON DELETE CASCADE
            session.delete(session.get(Feed.class, feedId)); // the items stay, their foreign key NULL
            session.commit();
        }
        assertThat(selectsFrom("entries")).isZero();
        assertThat(selectsFrom("items")).isZero();
        assertThat(count("SELECT count(*) FROM items WHERE feed_id IS NULL")).isEqualTo(1);
        if (db.isPostgresql()) { // SQLite enforces ON DELETE CASCADE only with PRAGMA foreign_keys
            assertThat(count("SELECT count(*) FROM entries")).isZero();
        }
    }

    @Test
    void itIsNeverLoadedAsACollection() {
        try (Session session = sessions.openSession()) {
            assertThatThrownBy(() -> session.query(Account.class).options(Load.selectin(Account.class, "entries")))
                    .isInstanceOf(ArgumentError.class)
                    .hasMessageContaining("Account.entries is a WriteOnlyCollection")
                    .hasMessageContaining("entries.select()");
            assertThatThrownBy(() -> session.query(Account.class).options(Load.joined(Account.class, "entries")))
                    .isInstanceOf(ArgumentError.class);
            assertThatThrownBy(() -> new Account("new").entries.select())
                    .isInstanceOf(InvalidRequestError.class)
                    .hasMessageContaining("not in a session");
            assertThat(session.query(Account.class).join("entries").count()).isZero();
        }
        assertThatThrownBy(() -> Mapper.of(BadWriteOnly.Eager.class))
                .isInstanceOf(MappingError.class)
                .hasMessageContaining("never loaded");
        assertThatThrownBy(() -> Mapper.of(BadWriteOnly.CascadingWithoutPassiveDeletes.class))
                .isInstanceOf(MappingError.class)
                .hasMessageContaining("passiveDeletes = true");
    }
}
