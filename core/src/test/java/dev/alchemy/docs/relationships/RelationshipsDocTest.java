package dev.alchemy.docs.relationships;

import static dev.alchemy.Alchemy.column;
import static dev.alchemy.Alchemy.createEngine;
import static dev.alchemy.Alchemy.select;
import static dev.alchemy.Alchemy.text;
import static dev.alchemy.Alchemy.where;
import static dev.alchemy.orm.Related.any;
import static dev.alchemy.orm.Related.has;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.alchemy.dialect.Dialect;
import dev.alchemy.engine.Connection;
import dev.alchemy.engine.Engine;
import dev.alchemy.engine.StatementEvent;
import dev.alchemy.exc.DetachedInstanceError;
import dev.alchemy.exc.IntegrityError;
import dev.alchemy.exc.InvalidRequestError;
import dev.alchemy.orm.Base;
import dev.alchemy.orm.Load;
import dev.alchemy.orm.Session;
import dev.alchemy.orm.SessionFactory;
import dev.alchemy.schema.DDL;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Java snippets of {@code docs/relationships.md}, each between {@code tag::name[]} and {@code end::name[]} (the
 * models are in this package's other files); {@link dev.alchemy.docs.DocSnippetsTest} checks that the page shows them
 * exactly as here. The SQL and statement counts the page states are checked here too.
 */
class RelationshipsDocTest {

    @TempDir
    Path dir;

    Engine engine;
    Base base;
    SessionFactory sessionFactory;
    final List<String> sql = new CopyOnWriteArrayList<>();

    @BeforeEach
    void setUp() {
        engine = createEngine("sqlite:///" + dir.resolve("rel.db"));
        base = Base.of(User.class, Address.class, Post.class, Tag.class, Comment.class, Category.class);
        base.metadata().createAll(engine);
        engine.addStatementListener((StatementEvent e) -> sql.add(e.sql()));
        sessionFactory = new SessionFactory(engine);
    }

    @AfterEach
    void dispose() {
        engine.dispose();
    }

    private List<String> rows(String query) {
        try (Connection conn = engine.connect()) {
            return conn.execute(text(query)).scalars(String.class);
        }
    }

    private static String page() throws IOException {
        Path dir = Path.of("").toAbsolutePath();
        while (!Files.isDirectory(dir.resolve("docs"))) {
            dir = dir.getParent();
        }
        return Files.readString(dir.resolve("docs/relationships.md"));
    }

    /** The page has a {@code ```sql} block of exactly this SQL (trailing spaces of lines aside). */
    private static void pageShowsSql(String sql) throws IOException {
        assertThat(withoutTrailingSpaces(page())).contains("```sql\n" + withoutTrailingSpaces(sql) + "\n```");
    }

    private static void pageShows(List<String> statements) throws IOException {
        pageShowsSql(String.join("\n", statements.stream().map(s -> s + ";").toList()));
    }

    private static String withoutTrailingSpaces(String text) {
        return String.join("\n", text.lines().map(String::stripTrailing).toList());
    }

    private void quickStart() {
        try (Session session = sessionFactory.openSession()) {
            User spongebob = new User("spongebob");
            spongebob.addresses.add(new Address("spongebob@sqlalchemy.org"));
            User sandy = new User("sandy");
            sandy.addresses.add(new Address("sandy@sqlalchemy.org"));
            sandy.addresses.add(new Address("sandy@squirrelpower.org"));
            session.addAll(List.of(spongebob, sandy, new User("patrick")));
            session.commit();
        }
        sql.clear();
    }

    @Test
    void addingAUserAddsItsAddresses() throws IOException {
        // tag::add[]
        try (Session session = sessionFactory.openSession()) {
            User spongebob = new User("spongebob");
            spongebob.addresses.add(new Address("spongebob@sqlalchemy.org"));
            User sandy = new User("sandy");
            sandy.addresses.add(new Address("sandy@sqlalchemy.org"));
            sandy.addresses.add(new Address("sandy@squirrelpower.org"));
            User patrick = new User("patrick");

            session.addAll(List.of(spongebob, sandy, patrick)); // the addresses are added too: save-update cascade
            User owner = sandy.addresses.get(0).user; // sandy: set when the list became the session's
            session.commit(); // the users first, then the addresses with user_id from the users' new keys
        }
        // end::add[]
        pageShows(sql);
        User sandy;
        try (Session session = sessionFactory.openSession()) {
            sandy = session.query(User.class).filterBy("name", "sandy").one();
            assertThat(sandy.addresses).allSatisfy(a -> assertThat(a.user).isSameAs(sandy));
        }
        assertThat(rows("SELECT email || ' ' || user_id FROM address ORDER BY id"))
                .containsExactly("spongebob@sqlalchemy.org 1", "sandy@sqlalchemy.org 2", "sandy@squirrelpower.org 2");
    }

    @Test
    void theAssociationTableIsPartOfTheBase() throws IOException {
        Dialect sqlite = Dialect.of(engine);
        pageShowsSql(DDL.createTableSql(base.metadata().table("post_tag"), sqlite) + ";");
        assertThat(base.metadata().sortedTables()).extracting(t -> t.name()).contains("post_tag");
    }

    @Test
    void backPopulates() {
        quickStart();
        try (Session session = sessionFactory.openSession()) {
            User sandy = session.query(User.class).filterBy("name", "sandy").one();
            User patrick = session.query(User.class).filterBy("name", "patrick").one();
            List<Address> sandys = sandy.addresses;
            List<Address> patricks = patrick.addresses;
            // tag::back-populates[]
            Address moved = sandy.addresses.get(1);
            sandy.addresses.remove(moved); // moved.user is null now
            patrick.addresses.add(moved); // moved.user is patrick now

            Address other = sandy.addresses.get(0);
            other.user = patrick; // a reference: the collections change at the next flush
            session.flush(); // now sandy.addresses is empty and patrick.addresses holds both
            // end::back-populates[]
            assertThat(moved.user).isSameAs(patrick);
            assertThat(sandy.addresses).isEmpty();
            assertThat(patrick.addresses).containsExactlyInAnyOrder(moved, other);
            assertThat(other.userId).isEqualTo(patrick.id);
            assertThat(sandys).isSameAs(sandy.addresses);
            assertThat(patricks).isSameAs(patrick.addresses);
        }
    }

    @Test
    void deleteOrphanAndDeleteCascade() throws IOException {
        quickStart();
        // tag::cascade[]
        try (Session session = sessionFactory.openSession()) {
            User sandy = session.query(User.class).filterBy("name", "sandy").one();
            sandy.addresses.remove(0); // an orphan: delete-orphan DELETEs it
            User spongebob =
                    session.query(User.class).filterBy("name", "spongebob").one();
            session.delete(spongebob); // delete cascade: his addresses are DELETEd first
            session.commit();
        }
        // end::cascade[]
        List<String> sent = List.copyOf(sql);
        pageShows(sent.subList(sent.size() - 2, sent.size()));
        assertThat(rows("SELECT email FROM address")).containsExactly("sandy@squirrelpower.org");
        assertThat(rows("SELECT name FROM user_account ORDER BY id")).containsExactly("sandy", "patrick");
    }

    @Test
    void manyToMany() {
        // tag::many-to-many[]
        try (Session session = sessionFactory.openSession()) {
            Tag java = new Tag("java");
            Tag sql = new Tag("sql");
            Post first = new Post("first");
            first.tags.add(java);
            first.tags.add(sql);
            Post second = new Post("second");
            second.tags.add(sql);
            session.addAll(List.of(first, second)); // the tags too, and three rows of post_tag
            session.commit();

            first.tags.remove(sql); // one post_tag row DELETEd at the next flush
            session.delete(second); // its post_tag rows go too; the tags stay
            session.commit();
        }
        // end::many-to-many[]
        assertThat(rows("SELECT post_id || '-' || tag_id FROM post_tag")).containsExactly("1-1");
        assertThat(rows("SELECT name FROM tag ORDER BY id")).containsExactly("java", "sql");
    }

    @Test
    void selfReferential() {
        // tag::tree[]
        try (Session session = sessionFactory.openSession()) {
            Category root = new Category(
                    "root", new Category("music", new Category("jazz"), new Category("blues")), new Category("books"));
            session.add(root); // five rows, inserted level by level: root, then music and books, then the rest
            session.commit();

            List<Category> all = session.query(Category.class).all(); // one statement: the parents are in it too
            Category music =
                    session.query(Category.class).filterBy("name", "music").one();
            Category parent = music.parent; // root
            String first = music.children.get(0).name; // blues: one statement loads every category's children
        }
        // end::tree[]
    }

    @Test
    void theTreeIsWrittenLevelByLevelAndReadWithoutNPlusOne() {
        try (Session session = sessionFactory.openSession()) {
            session.add(new Category(
                    "root", new Category("music", new Category("jazz"), new Category("blues")), new Category("books")));
            session.commit();
            sql.clear();
            List<Category> all = session.query(Category.class).all();
            assertThat(sql).hasSize(1);
            Category music =
                    session.query(Category.class).filterBy("name", "music").one();
            assertThat(music.parent.name).isEqualTo("root");
            assertThat(music.children).extracting(c -> c.name).containsExactly("blues", "jazz");
            assertThat(all.stream()
                            .filter(c -> c.name.equals("root"))
                            .findFirst()
                            .orElseThrow()
                            .children)
                    .extracting(c -> c.name)
                    .containsExactly("books", "music");
            assertThat(sql).hasSize(3); // the query for music, then one statement for every category's children
        }
        assertThat(rows("SELECT c.name || '<' || coalesce(p.name, '-') FROM category c "
                        + "LEFT JOIN category p ON c.parent_id = p.id ORDER BY c.id"))
                .containsExactly("root<-", "music<root", "books<root", "jazz<music", "blues<music");
    }

    private void people(int users, int addressesEach) {
        try (Session session = sessionFactory.openSession()) {
            List<User> all = new ArrayList<>();
            for (int i = 0; i < users; i++) {
                User u = new User("user" + i);
                for (int j = 0; j < addressesEach; j++) {
                    u.addresses.add(new Address("user" + i + "." + j + "@example.com"));
                }
                all.add(u);
            }
            session.addAll(all);
            session.commit();
        }
        sql.clear();
    }

    @Test
    void theDefaultsNeverGiveNPlusOne() throws IOException {
        people(3, 2);
        try (Session session = sessionFactory.openSession()) {
            // tag::lazy[]
            List<User> users = session.query(User.class).all(); // 1 statement
            for (User user : users) {
                for (Address address : user.addresses) { // the first access loads every user's addresses: 1 more
                    System.out.println(user.name + " " + address.email);
                }
            }
            // end::lazy[]
        }
        pageShows(sql);
        sql.clear();
        try (Session session = sessionFactory.openSession()) {
            List<Address> addresses = session.scalars(select(Address.class)).all();
            assertThat(addresses).allSatisfy(a -> assertThat(a.user).isNotNull());
            assertThat(sql).hasSize(2); // the addresses, then their users in one IN query
        }
    }

    @Test
    void countingStatements() {
        people(1000, 5);
        // tag::count[]
        AtomicInteger statements = new AtomicInteger();
        engine.addStatementListener(event -> statements.incrementAndGet());
        try (Session session = sessionFactory.openSession()) {
            int addresses = 0;
            for (User user : session.query(User.class).all()) {
                addresses += user.addresses.size();
            }
            assertThat(addresses).isEqualTo(5000);
            assertThat(statements).hasValue(3); // the users, then their addresses in two IN lists of 500 keys
        }
        // end::count[]
    }

    @Test
    void loaderOptions() throws IOException {
        people(3, 2);
        try (Session session = sessionFactory.openSession()) {
            // tag::options[]
            List<User> users = session.query(User.class)
                    .options(Load.selectin(User::getAddresses)) // the addresses now, in a second statement
                    .all();
            List<Post> posts = session.scalars(
                            select(Post.class).options(Load.selectin(Post::getTags), Load.raise(Post::getComments)))
                    .all();
            List<User> names = session.query(User.class)
                    .options(Load.noload(User.class, "addresses")) // by name, for models without getters
                    .all();
            // end::options[]
            assertThat(users).hasSize(3);
            assertThat(posts).isEmpty();
            assertThat(names).hasSize(3);
        }
        sql.clear();
        try (Session session = sessionFactory.openSession()) {
            List<User> users = session.query(User.class)
                    .options(Load.selectin(User::getAddresses))
                    .all();
            assertThat(sql).hasSize(2);
            assertThat(users.get(0).addresses).hasSize(2);
            assertThat(sql).hasSize(2);
        }
        sql.clear();
        try (Session session = sessionFactory.openSession()) {
            List<User> users = session.query(User.class)
                    .options(Load.joined(User::getAddresses))
                    .all();
            assertThat(users.get(0).addresses).hasSize(2);
            assertThat(sql).hasSize(1);
            pageShows(sql);
        }
        sql.clear();
        try (Session session = sessionFactory.openSession()) {
            List<User> users = session.query(User.class)
                    .options(Load.joined(User::getAddresses))
                    .limit(2)
                    .all();
            assertThat(users.get(0).addresses).hasSize(2);
            assertThat(sql).hasSize(2); // with LIMIT, the addresses come by one more IN query
        }
        try (Session session = sessionFactory.openSession()) {
            User user = session.query(User.class)
                    .options(Load.noload(User.class, "addresses"))
                    .first();
            assertThat(user.addresses).isEmpty();
        }
        try (Session session = sessionFactory.openSession()) {
            List<Address> addresses = session.scalars(select(Address.class).options(Load.raise(Address::getUser)))
                    .all();
            assertThat(addresses.get(0).user).isNull(); // a reference cannot raise: it is left null
        }
    }

    @Test
    void raiseload() {
        people(1, 1);
        try (Session session = sessionFactory.openSession()) {
            User user = session.query(User.class)
                    .options(Load.raise(User::getAddresses))
                    .one();
            assertThatThrownBy(() -> user.addresses.size())
                    .isInstanceOf(InvalidRequestError.class)
                    .hasMessage("User.addresses is not loaded and was set to raise on access; load it with "
                            + "Load.selectin(User::getAddresses) on the query");
        }
    }

    @Test
    void detached() {
        people(1, 1);
        Throwable thrown = catchThrowable(() -> {
            // tag::detached[]
            User user;
            try (Session session = sessionFactory.openSession()) {
                user = session.query(User.class).filterBy("name", "user0").one();
            }
            user.addresses.size(); // DetachedInstanceError: never loaded, and its session is closed
            // end::detached[]
        });
        assertThat(thrown)
                .isInstanceOf(DetachedInstanceError.class)
                .hasMessage("User 1 is detached from its session, so User.addresses cannot be loaded lazily. Load it "
                        + "before the session closes: use Load.selectin(...) (or Load.joined(...)) on the query, give "
                        + "the relationship loading = Loading.SELECTIN, or read it while the session is open.");
        // tag::detached-fix[]
        User user;
        try (Session session = sessionFactory.openSession()) {
            user = session.query(User.class)
                    .options(Load.selectin(User::getAddresses))
                    .filterBy("name", "user0")
                    .one();
        }
        user.addresses.size(); // 1: loaded before the session closed
        // end::detached-fix[]
        assertThat(user.addresses).hasSize(1);
    }

    @Test
    void passiveDeletes() throws IOException {
        try (Session session = sessionFactory.openSession()) {
            Post post = new Post("hello");
            post.comments.add(new Comment("first!"));
            post.comments.add(new Comment("second"));
            session.add(post);
            session.commit();
        }
        sql.clear();
        // tag::passive-deletes[]
        try (Session session = sessionFactory.openSession()) {
            Post post = session.query(Post.class).filterBy("title", "hello").one();
            session.delete(post); // the comments are not loaded: ON DELETE CASCADE removes them
            session.commit();
        }
        // end::passive-deletes[]
        assertThat(sql).hasSize(2).noneMatch(s -> s.contains("FROM comment"));
        assertThat(rows("SELECT count(*) FROM comment")).containsExactly("0");
    }

    @Test
    void bulkStatementsSkipCascades() {
        quickStart();
        try (Session session = sessionFactory.openSession()) {
            Post post = new Post("hello");
            post.comments.add(new Comment("first!"));
            session.add(post);
            session.commit();
        }
        Throwable thrown = catchThrowable(() -> {
            // tag::bulk[]
            try (Session session = sessionFactory.openSession()) {
                session.query(Post.class).delete(); // one DELETE; the database's ON DELETE CASCADE removes comments
                session.query(User.class).filterBy("name", "sandy").delete(); // IntegrityError: addresses refer to her
            }
            // end::bulk[]
        });
        assertThat(thrown).isInstanceOf(IntegrityError.class).hasMessageContaining("FOREIGN KEY constraint failed");
    }

    @Test
    void aBulkDeleteLeavesTheChildrenToTheDatabase() {
        try (Session session = sessionFactory.openSession()) {
            Post post = new Post("hello");
            post.comments.add(new Comment("first!"));
            post.tags.add(new Tag("java"));
            session.add(post);
            session.commit();
        }
        try (Session session = sessionFactory.openSession()) {
            assertThat(session.query(Post.class).delete()).isEqualTo(1);
            session.commit();
        }
        assertThat(rows("SELECT count(*) FROM comment")).containsExactly("0");
        assertThat(rows("SELECT count(*) FROM post_tag")).containsExactly("0");
        assertThat(rows("SELECT count(*) FROM tag")).containsExactly("1");
    }

    @Test
    void queriesAlongRelationships() throws IOException {
        quickStart();
        try (Session session = sessionFactory.openSession()) {
            // tag::any-has[]
            List<User> squirrels = session.query(User.class)
                    .filter(any(User::getAddresses, where(Address::getEmail).like("%squirrel%")))
                    .all(); // sandy
            List<User> withoutAddress = session.query(User.class)
                    .filter(dev.alchemy.Alchemy.not(any(User::getAddresses, null)))
                    .all(); // patrick
            List<Address> sandys = session.query(Address.class)
                    .filter(has(Address::getUser, column(User.class, "name").eq("sandy")))
                    .all(); // her two addresses
            List<User> joined = session.query(User.class)
                    .join(User::getAddresses)
                    .filter(where(Address::getEmail).like("%@sqlalchemy.org"))
                    .all(); // spongebob and sandy, each once
            // end::any-has[]
            assertThat(joined).extracting(u -> u.name).containsExactly("spongebob", "sandy");
            pageShows(sql.subList(0, 1));
            assertThat(squirrels).extracting(u -> u.name).containsExactly("sandy");
            assertThat(withoutAddress).extracting(u -> u.name).containsExactly("patrick");
            assertThat(sandys).hasSize(2);
            assertThat(session.query(User.class)
                            .filter(any(User::getAddresses, null))
                            .entitySelect()
                            .toString())
                    .isEqualTo("SELECT user_account.id, user_account.name \nFROM user_account \nWHERE EXISTS "
                            + "(SELECT 1 \nFROM address \nWHERE user_account.id = address.user_id)");
        }
    }

    @Test
    void postUpdateWritesACycleOfForeignKeys() {
        Base cycle = Base.of(Employee.class, Desk.class);
        cycle.metadata().createAll(engine);
        sql.clear();
        Employee ada;
        Desk desk;
        try (Session session = sessionFactory.openSession()) {
            // tag::post-update[]
            ada = new Employee("Ada");
            desk = new Desk("D1");
            ada.desk = desk;
            desk.owner = ada;
            session.add(ada); // the desk too, by the save-update cascade
            session.commit(); // INSERT desks, INSERT employees, then UPDATE desks SET owner_id = ?
            // end::post-update[]
        }
        assertThat(desk.ownerId).isEqualTo(ada.id);
        assertThat(ada.deskId).isEqualTo(desk.id);
        assertThat(sql).anyMatch(s -> s.startsWith("UPDATE desks SET owner_id"));
    }
}
