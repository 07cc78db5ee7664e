package dev.alchemy.docs.orm;

import static dev.alchemy.Alchemy.attr;
import static dev.alchemy.Alchemy.column;
import static dev.alchemy.Alchemy.createEngine;
import static dev.alchemy.Alchemy.select;
import static dev.alchemy.Alchemy.text;
import static dev.alchemy.Alchemy.where;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.alchemy.dialect.Dialect;
import dev.alchemy.engine.Connection;
import dev.alchemy.engine.Engine;
import dev.alchemy.engine.StatementEvent;
import dev.alchemy.engine.Transaction;
import dev.alchemy.exc.ArgumentError;
import dev.alchemy.exc.IntegrityError;
import dev.alchemy.exc.MultipleResultsFound;
import dev.alchemy.exc.NoResultFound;
import dev.alchemy.exc.PendingRollbackError;
import dev.alchemy.exc.StaleDataError;
import dev.alchemy.orm.Base;
import dev.alchemy.orm.ObjectState;
import dev.alchemy.orm.Session;
import dev.alchemy.orm.SessionFactory;
import dev.alchemy.schema.Column;
import dev.alchemy.schema.DDL;
import dev.alchemy.schema.Table;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Java snippets of {@code docs/orm.md}, each between {@code tag::name[]} and {@code end::name[]} (the models are
 * in this package's other files); {@link dev.alchemy.docs.DocSnippetsTest} checks that the page shows them exactly as
 * here. The SQL the page shows is checked against the SQL these snippets send.
 */
class OrmDocTest {

    @TempDir
    Path dir;

    Engine engine;
    SessionFactory sessionFactory;
    final List<String> sql = new CopyOnWriteArrayList<>();
    final List<StatementEvent> statements = new CopyOnWriteArrayList<>();

    @BeforeEach
    void setUp() {
        engine = createEngine("sqlite:///" + dir.resolve("orm.db"));
        Base.of(User.class, Product.class).metadata().createAll(engine);
        engine.addStatementListener(e -> {
            sql.add(e.sql());
            statements.add(e);
        });
        sessionFactory = new SessionFactory(engine);
    }

    @AfterEach
    void dispose() {
        engine.dispose();
    }

    private void users(String... names) {
        try (Session session = sessionFactory.openSession()) {
            for (String name : names) {
                session.add(new User(name, name.toLowerCase() + "@example.com"));
            }
            session.commit();
        }
        sql.clear();
        statements.clear();
    }

    private long lamp() {
        try (Session session = sessionFactory.openSession()) {
            Product lamp = new Product("Lamp", new Money(1999));
            lamp.setStock(10);
            session.add(lamp);
            session.commit();
            sql.clear();
            statements.clear();
            return lamp.getId();
        }
    }

    private List<String> rows(String query) {
        try (Connection conn = engine.connect()) {
            return conn.execute(text(query)).scalars(String.class);
        }
    }

    static String page() throws IOException {
        Path dir = Path.of("").toAbsolutePath();
        while (!Files.isDirectory(dir.resolve("docs"))) {
            dir = dir.getParent();
        }
        return Files.readString(dir.resolve("docs/orm.md"));
    }

    /** The page shows these statements, in this order, in one {@code ```sql} block, each ending with ';'. */
    static void pageShows(List<String> statements) throws IOException {
        pageShowsSql(String.join("\n", statements.stream().map(s -> s + ";").toList()));
    }

    /** The page has a {@code ```sql} block of exactly this SQL (trailing spaces of lines aside). */
    static void pageShowsSql(String sql) throws IOException {
        assertThat(withoutTrailingSpaces(page())).contains("```sql\n" + withoutTrailingSpaces(sql) + "\n```");
    }

    private static String withoutTrailingSpaces(String text) {
        return String.join("\n", text.lines().map(String::stripTrailing).toList());
    }

    @Test
    void theSeed() {
        // tag::seed[]
        Engine engine = createEngine("sqlite:///:memory:"); // or "sqlite:///my_database.db"
        Base base = Base.of(User.class); // Base = declarative_base(), class User(Base)
        base.metadata().createAll(engine); // Base.metadata.create_all(engine)
        SessionFactory sessionFactory = new SessionFactory(engine); // Session = sessionmaker(bind=engine)

        try (Session session = sessionFactory.openSession()) { // session = Session()
            User newUser = new User("Alice", "alice@example.com"); // Create
            session.add(newUser);
            session.commit();

            List<User> users = session.query(User.class).all(); // Read

            User user = session.query(User.class).filterBy("name", "Alice").first(); // Update
            user.email = "alice@newdomain.com";
            session.commit();

            session.delete(user); // Delete
            session.commit();
        }
        engine.dispose();
        // end::seed[]
        assertThat(engine.isDisposed()).isTrue();
    }

    @Test
    void theSeedSendsThisSql() throws IOException {
        try (Session session = sessionFactory.openSession()) {
            session.add(new User("Alice", "alice@example.com"));
            session.commit();
            session.query(User.class).all();
            User user = session.query(User.class).filterBy("name", "Alice").first();
            user.email = "alice@newdomain.com";
            session.commit();
            session.delete(user);
            session.commit();
        }
        pageShows(sql);
    }

    @Test
    void baseAndMetadata() throws IOException {
        engine.dispose();
        engine = createEngine("sqlite:///" + dir.resolve("base.db"));
        // tag::base[]
        Base base = Base.of(User.class, Product.class); // every mapping error is reported here
        base.metadata().createAll(engine); // CREATE TABLE for each table that is missing
        Table products = base.table(Product.class); // the Core table, for Core statements
        base.metadata().dropAll(engine); // DROP TABLE, children before parents
        // end::base[]
        Dialect sqlite = Dialect.of(engine);
        pageShowsSql(DDL.createTableSql(products, sqlite) + ";\n"
                + DDL.createIndexSql(products, products.indexes().get(0), sqlite) + ";");
        assertThat(products.c("added_at").serverDefault()).isNotNull();
    }

    @Test
    void scan() {
        // tag::scan[]
        Base base = Base.scan("dev.alchemy.docs.orm"); // every @Table class of the package and its sub-packages
        // end::scan[]
        assertThat(base.models()).contains(User.class, Product.class);
    }

    @Test
    void aModelWithPrivateFieldsGettersConvertersAndAVersion() {
        try (Session session = sessionFactory.openSession()) {
            Product lamp = new Product("Lamp", new Money(1999));
            session.add(lamp);
            session.commit();
            assertThat(sql)
                    .containsExactly("INSERT INTO products (name, category, price, stock, version) "
                            + "VALUES (?, ?, ?, ?, ?) RETURNING id, added_at");
            assertThat(lamp.getId()).isEqualTo(1L);
            assertThat(lamp.getVersion()).isEqualTo(1);
            assertThat(lamp.getAddedAt()).isNotNull(); // the server default, returned by the INSERT
            assertThat(lamp.getCategory()).isEqualTo("misc");
        }
        assertThat(rows("SELECT price || ' ' || typeof(price) || ' ' || stock FROM products"))
                .containsExactly("1999 integer 0");
    }

    @Test
    void sessionFactory() {
        // tag::session-factory[]
        SessionFactory sessionFactory = new SessionFactory(engine); // autoflush and expire-on-commit on
        SessionFactory manual = sessionFactory.withAutoflush(false).withExpireOnCommit(false);

        try (Session session = sessionFactory.openSession()) {
            session.add(new User("Alice", "alice@example.com"));
            session.commit(); // flush, then COMMIT
        } // close: ROLLBACK what was not committed, give the connection back, detach the objects
        // end::session-factory[]
        assertThat(manual.autoflush()).isFalse();
        assertThat(rows("SELECT name FROM users")).containsExactly("Alice");
    }

    @Test
    void objectStates() {
        List<ObjectState> seen = new ArrayList<>();
        // tag::states[]
        User alice = new User("Alice", "alice@example.com");
        try (Session session = sessionFactory.openSession()) {
            session.stateOf(alice); // TRANSIENT: in no session, no row
            session.add(alice);
            session.stateOf(alice); // PENDING: the next flush INSERTs it
            session.flush();
            session.stateOf(alice); // PERSISTENT: it has a row, and alice.id is set
            session.commit();
        }
        try (Session session = sessionFactory.openSession()) {
            session.stateOf(alice); // DETACHED: it has a row, but no session
            alice.email = "alice@newdomain.com"; // changed while detached
            session.add(alice); // PERSISTENT again, and the change is tracked
            session.delete(alice);
            session.stateOf(alice); // DELETED: the next flush DELETEs it
            session.commit();
        }
        // end::states[]
        User bob = new User("Bob", null);
        try (Session session = sessionFactory.openSession()) {
            seen.add(session.stateOf(bob));
            session.add(bob);
            seen.add(session.stateOf(bob));
            session.flush();
            seen.add(session.stateOf(bob));
            session.commit();
        }
        try (Session session = sessionFactory.openSession()) {
            seen.add(session.stateOf(bob));
            bob.email = "bob@example.com";
            session.add(bob);
            seen.add(session.stateOf(bob));
            assertThat(session.isModified(bob)).isTrue();
            session.delete(bob);
            seen.add(session.stateOf(bob));
            session.commit();
        }
        assertThat(seen)
                .containsExactly(
                        ObjectState.TRANSIENT,
                        ObjectState.PENDING,
                        ObjectState.PERSISTENT,
                        ObjectState.DETACHED,
                        ObjectState.PERSISTENT,
                        ObjectState.DELETED);
        assertThat(rows("SELECT count(*) FROM users")).containsExactly("0");
    }

    @Test
    void makeTransientLetsADeletedObjectBeInsertedAgain() {
        User user = new User("Erin", "erin@example.com");
        try (Session session = sessionFactory.openSession()) {
            session.add(user);
            session.commit();
            Integer id = user.id;
            // tag::make-transient[]
            session.delete(user);
            session.commit();
            session.makeTransient(user);
            session.add(user); // INSERT, with the same id
            session.commit();
            // end::make-transient[]
            assertThat(user.id).isEqualTo(id);
            assertThat(session.stateOf(user)).isEqualTo(ObjectState.PERSISTENT);
        }
        assertThat(rows("SELECT name FROM users")).containsExactly("Erin");
    }

    @Test
    void identityMap() {
        users("Alice");
        try (Session session = sessionFactory.openSession()) {
            // tag::get[]
            User alice = session.get(User.class, 1); // SELECT ... WHERE users.id = ?; null when there is no such row
            User again = session.get(User.class, 1); // the same object, from the identity map: no SQL
            User queried = session.query(User.class).filterBy("name", "Alice").one(); // SQL, and the same object
            // end::get[]
            assertThat(again).isSameAs(alice);
            assertThat(queried).isSameAs(alice);
            assertThat(sql).hasSize(2);
            assertThat(session.get(User.class, 99)).isNull();
        }
    }

    @Test
    void dirtyTrackingWritesOnlyTheChangedColumns() throws IOException {
        lamp();
        try (Session session = sessionFactory.openSession()) {
            // tag::dirty[]
            Product lamp = session.query(Product.class).filterBy("name", "Lamp").one();
            lamp.setStock(5);
            session.isModified(lamp); // true: a field differs from the value last loaded
            session.commit(); // UPDATE of stock (and the version) only
            // end::dirty[]
            assertThat(lamp.getVersion()).isEqualTo(2);
        }
        pageShows(sql.subList(1, 2));
    }

    @Test
    void flushOrderAndBatching() {
        try (Session session = sessionFactory.openSession()) {
            // tag::batching[]
            List<User> users = new ArrayList<>();
            for (int i = 1; i <= 2500; i++) {
                users.add(new User("user" + i, "user" + i + "@example.com"));
            }
            session.addAll(users);
            session.flush(); // 3 statements: INSERT INTO users (name, email) VALUES (?, ?), (?, ?), ... RETURNING id
            Integer last = users.get(2499).id; // 2500: every object has its generated key
            // end::batching[]
            assertThat(last).isEqualTo(2500);
            assertThat(sql).hasSize(3);
            assertThat(sql.get(0)).startsWith("INSERT INTO users (name, email) VALUES (?, ?), (?, ?)");
            statements.clear();
            for (User u : users) {
                u.email = u.name + "@example.org";
            }
            session.flush();
            assertThat(statements)
                    .singleElement()
                    .satisfies(e -> assertThat(e.batchSize()).isEqualTo(2500));
            statements.clear();
            for (User u : users) {
                session.delete(u);
            }
            session.commit();
            assertThat(statements)
                    .singleElement()
                    .satisfies(e -> assertThat(e.batchSize()).isEqualTo(2500));
        }
    }

    @Test
    void optimisticLocking() {
        long lampId = lamp();
        Throwable thrown = catchThrowable(() -> {
            // tag::version[]
            Product lamp;
            try (Session session = sessionFactory.openSession()) {
                lamp = session.get(Product.class, lampId); // version 1, shown in a form
            }
            try (Session other = sessionFactory.openSession()) {
                other.get(Product.class, lampId).setStock(0);
                other.commit(); // someone else saves first: version 2
            }
            try (Session session = sessionFactory.openSession()) {
                lamp.setStock(20); // the form comes back, based on version 1
                session.add(lamp);
                session.commit(); // StaleDataError: the UPDATE matched no row
            }
            // end::version[]
        });
        assertThat(thrown)
                .isInstanceOf(StaleDataError.class)
                .hasMessage("UPDATE statement on table 'products' expected to update 1 row(s); 0 were matched. "
                        + "The row of a Product was changed or deleted by another transaction since it was loaded.");
        assertThat(rows("SELECT stock || ' v' || version FROM products")).containsExactly("0 v2");
    }

    @Test
    void aFailedFlush() {
        lamp();
        // tag::failed-flush[]
        try (Session session = sessionFactory.openSession()) {
            Product duplicate = new Product("Lamp", new Money(2499)); // name is UNIQUE, and a Lamp exists
            session.add(duplicate);
            try {
                session.commit();
            } catch (IntegrityError e) {
                // the flush failed: its transaction is rolled back, nothing of it is in the database
                session.rollback(); // required before the session is used again; duplicate is transient again
            }
            session.add(new Product("Desk lamp", new Money(2499)));
            session.commit();
        }
        // end::failed-flush[]
        assertThat(rows("SELECT name FROM products ORDER BY id")).containsExactly("Lamp", "Desk lamp");
    }

    @Test
    void aFailedFlushNamesModelSqlAndCauseAndLaterCallsNeedRollback() {
        lamp();
        try (Session session = sessionFactory.openSession()) {
            User alice = new User("Alice", null);
            Product duplicate = new Product("Lamp", new Money(2499));
            session.addAll(List.of(alice, duplicate));
            assertThatThrownBy(session::commit)
                    .isInstanceOf(IntegrityError.class)
                    .hasMessageStartingWith("(while flushing Product) ")
                    .hasMessageContaining("UNIQUE constraint failed: products.name")
                    .hasMessageContaining("INSERT INTO products");
            assertThat(alice.id).isNull(); // Alice's INSERT was rolled back too, and her key taken back
            assertThatThrownBy(() -> session.query(User.class).all())
                    .isInstanceOf(PendingRollbackError.class)
                    .hasMessageStartingWith("this session's transaction was rolled back because a flush failed; "
                            + "call rollback() before using the session again");
            session.rollback();
            assertThat(session.stateOf(alice)).isEqualTo(ObjectState.TRANSIENT);
        }
        assertThat(rows("SELECT count(*) FROM users")).containsExactly("0");
    }

    @Test
    void autoflush() {
        users("Alice");
        try (Session session = sessionFactory.openSession()) {
            // tag::autoflush[]
            session.add(new User("Bob", "bob@example.com"));
            User bob = session.query(User.class).filterBy("name", "Bob").one(); // Bob is flushed first, so found
            session.add(new User("Carol", null));
            List<User> notCarol =
                    session.noAutoflush(() -> session.query(User.class).all()); // Carol is not flushed
            // end::autoflush[]
            assertThat(bob.id).isEqualTo(2);
            assertThat(notCarol).extracting(u -> u.name).containsExactly("Alice", "Bob");
        }
    }

    @Test
    void legacyQueries() {
        users("Alice", "Bob", "Carol");
        try (Session session = sessionFactory.openSession()) {
            session.add(new User("Dave", null));
            // tag::query[]
            List<User> all = session.query(User.class).all();
            User alice = session.query(User.class).filterBy("name", "Alice").first(); // null when none matches
            User bob = session.query(User.class)
                    .filterBy(Map.of("name", "Bob", "email", "bob@example.com"))
                    .one(); // NoResultFound when none, MultipleResultsFound when several
            User nobody = session.query(User.class).filterBy("name", "Zed").oneOrNone(); // null
            List<User> page = session.query(User.class)
                    .filter(column(User.class, "email").like("%@example.com"))
                    .orderBy(column(User.class, "name").desc())
                    .limit(2)
                    .offset(1)
                    .all(); // Bob, Alice
            long withoutEmail =
                    session.query(User.class).filterBy("email", null).count(); // WHERE email IS NULL
            boolean exists = session.query(User.class).filterBy("name", "Carol").exists();
            Optional<User> carol =
                    session.query(User.class).filterBy("name", "Carol").findFirst();
            String zed = session.query(User.class)
                    .filterBy("name", "Zed")
                    .findOne() // Optional.empty() when none matches
                    .map(u -> u.name)
                    .orElse("nobody");
            // end::query[]
            assertThat(carol).map(u -> u.name).contains("Carol");
            assertThat(zed).isEqualTo("nobody");
            assertThat(all).hasSize(4);
            assertThat(alice.name).isEqualTo("Alice");
            assertThat(bob.name).isEqualTo("Bob");
            assertThat(nobody).isNull();
            assertThat(page).extracting(u -> u.name).containsExactly("Bob", "Alice");
            assertThat(withoutEmail).isEqualTo(1);
            assertThat(exists).isTrue();
            assertThatThrownBy(() -> session.query(User.class).one()).isInstanceOf(MultipleResultsFound.class);
            assertThatThrownBy(() ->
                            session.query(User.class).filterBy("name", "Zed").one())
                    .isInstanceOf(NoResultFound.class);
            assertThatThrownBy(() -> session.query(User.class).filterBy("nmae", "Alice"))
                    .isInstanceOf(ArgumentError.class)
                    .hasMessage("User has no attribute 'nmae'; its attributes: [id, name, email]");
        }
    }

    @Test
    void twoPointOhSelect() {
        users("Alice", "Bob", "Carol");
        try (Session session = sessionFactory.openSession()) {
            // tag::select[]
            List<User> users = session.scalars(select(User.class)
                            .where(column(User.class, "name").in(List.of("Alice", "Bob")))
                            .orderBy(column(User.class, "id")))
                    .all();
            User alice = session.execute(select(User.class).filterBy("name", "Alice"))
                    .scalars()
                    .one();
            // end::select[]
            assertThat(users).extracting(u -> u.name).containsExactly("Alice", "Bob");
            assertThat(alice).isSameAs(users.get(0));
        }
    }

    @Test
    void typedPredicates() {
        lamp();
        try (Session session = sessionFactory.openSession()) {
            session.add(new Product("Desk lamp", new Money(2999)));
            // tag::typed[]
            List<Product> lamps = session.query(Product.class)
                    .filter(
                            where(Product::getName).like("%amp"),
                            where(Product::getStock).gt(0))
                    .orderBy(attr(Product::getName).asc()) // attr(...): where(...) under a name for ORDER BY
                    .all();
            List<Product> misc = session.scalars(select(Product.class)
                            .where(where(Product::getCategory).eq("misc")))
                    .all();
            // end::typed[]
            assertThat(lamps).extracting(Product::getName).containsExactly("Lamp");
            assertThat(misc).hasSize(2);
        }
    }

    @Test
    void typedColumnsOfPublicFields() {
        users("Alice", "Bob", "Carol");
        try (Session session = sessionFactory.openSession()) {
            // tag::typed-fields[]
            Column<String> name = column(User.class, "name", String.class); // checked against the field's type
            Column<Integer> id = column(User.class, "id", Integer.class);
            List<User> named = session.query(User.class)
                    .filter(name.in(List.of("Alice", "Bob")))
                    .orderBy(id.desc())
                    .all(); // Bob, Alice
            // column(User.class, "id", Long.class) fails at once:
            // ArgumentError: User.id is Integer, not Long: use column(User.class, "id", Integer.class)
            // end::typed-fields[]
            assertThat(named).extracting(u -> u.name).containsExactly("Bob", "Alice");
            assertThatThrownBy(() -> column(User.class, "id", Long.class))
                    .isInstanceOf(ArgumentError.class)
                    .hasMessage("User.id is Integer, not Long: use column(User.class, \"id\", Integer.class)");
        }
    }

    @Test
    void columnsGiveRows() {
        users("Alice", "Bob");
        try (Session session = sessionFactory.openSession()) {
            // tag::columns[]
            record UserView(int id, String name) {}
            List<UserView> views = session.execute(select(column(User.class, "id"), column(User.class, "name")))
                    .into(UserView.class); // [UserView[id=1, name=Alice], UserView[id=2, name=Bob]]
            // end::columns[]
            assertThat(views).containsExactly(new UserView(1, "Alice"), new UserView(2, "Bob"));
        }
    }

    @Test
    void bulkUpdateAndDelete() throws IOException {
        users("Alice", "Bob");
        try (Session session = sessionFactory.openSession()) {
            session.addAll(List.of(new User("test1", null), new User("test2", null)));
            session.commit();
            sql.clear();
            User alice = session.get(User.class, 1);
            sql.clear();
            // tag::bulk[]
            long updated = session.query(User.class)
                    .filter(column(User.class, "email").isNull())
                    .update(Map.of("email", "unknown@example.com")); // 2
            long deleted = session.query(User.class)
                    .filter(column(User.class, "name").like("test%"))
                    .delete(); // 2
            // end::bulk[]
            assertThat(updated).isEqualTo(2);
            assertThat(deleted).isEqualTo(2);
            assertThat(session.contains(alice)).isTrue();
            session.commit();
        }
        pageShows(sql.subList(0, 3));
        assertThat(rows("SELECT name FROM users ORDER BY id")).containsExactly("Alice", "Bob");
    }

    @Test
    void expiry() {
        users("Alice");
        try (Session session = sessionFactory.openSession()) {
            User alice = session.get(User.class, 1);
            alice.name = "Alicia";
            // tag::expire[]
            session.refresh(alice); // SELECT now: alice's fields are the row's, unflushed changes to her are lost
            session.expire(alice); // the next load of her row (query, get) overwrites her fields
            session.expireAll(); // the same for every object of the session
            List<User> fresh = session.query(User.class).populateExisting().all(); // overwrite, expired or not
            // end::expire[]
            assertThat(alice.name).isEqualTo("Alice");
            assertThat(fresh).containsExactly(alice);
        }
    }

    @Test
    void anExpiredObjectKeepsItsValuesUntilItsRowIsLoaded() {
        users("Alice");
        try (Session session = sessionFactory.openSession()) {
            User alice = session.get(User.class, 1);
            try (Connection conn = engine.connect()) {
                conn.execute(text("UPDATE users SET email = 'alice@elsewhere.example.com'"));
                conn.commit();
            }
            sql.clear();
            // tag::expired-read[]
            session.commit(); // expire-on-commit: every object of the session is expired, alice too
            String email = alice.email; // no SQL: still the value loaded before
            session.get(User.class, alice.id); // SELECT, because alice is expired; her fields are overwritten
            String now = alice.email; // the database's value
            // end::expired-read[]
            assertThat(email).isEqualTo("alice@example.com");
            assertThat(now).isEqualTo("alice@elsewhere.example.com");
            assertThat(sql).hasSize(1);
        }
    }

    @Test
    void mergeAndExpunge() throws IOException {
        users("Alice");
        try (Session session = sessionFactory.openSession()) {
            User loaded = session.get(User.class, 1);
            sql.clear();
            // tag::merge[]
            User fromForm = new User("Alice", "alice@work.example.com");
            fromForm.id = 1; // say, sent back by a web form
            User alice = session.merge(fromForm); // the persistent Alice (loaded if needed), with fromForm's fields
            session.commit(); // UPDATE users SET email=? WHERE users.id = ?
            session.expunge(alice); // alice leaves the session: detached, no longer tracked
            // end::merge[]
            assertThat(alice).isSameAs(loaded).isNotSameAs(fromForm);
            assertThat(session.stateOf(alice)).isEqualTo(ObjectState.DETACHED);
            assertThat(sql).containsExactly("UPDATE users SET email=? WHERE users.id = ?");
        }
    }

    @Test
    void savepoint() {
        try (Session session = sessionFactory.openSession()) {
            // tag::savepoint[]
            session.add(new User("Dave", null));
            Transaction savepoint = session.beginNested(); // flushes Dave, then SAVEPOINT
            session.execute(text("DELETE FROM users WHERE name LIKE 'test%'"));
            savepoint.rollback(); // ROLLBACK TO SAVEPOINT: the DELETE is undone, Dave's INSERT is kept
            session.commit();
            // end::savepoint[]
        }
        assertThat(rows("SELECT name FROM users")).containsExactly("Dave");
    }
}
