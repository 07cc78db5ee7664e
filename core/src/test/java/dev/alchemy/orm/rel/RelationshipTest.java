package dev.alchemy.orm.rel;

import static dev.alchemy.Alchemy.select;
import static dev.alchemy.Alchemy.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.alchemy.engine.Connection;
import dev.alchemy.engine.Engine;
import dev.alchemy.engine.StatementEvent;
import dev.alchemy.exc.DetachedInstanceError;
import dev.alchemy.exc.InvalidRequestError;
import dev.alchemy.orm.Base;
import dev.alchemy.orm.Load;
import dev.alchemy.orm.Session;
import dev.alchemy.orm.SessionFactory;
import dev.alchemy.testing.OnDatabases;
import dev.alchemy.testing.TestDatabase;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;

/** Relationships and their loading, on SQLite and on PostgreSQL. */
@OnDatabases
class RelationshipTest {

    @Parameter
    TestDatabase db;

    Engine engine;
    SessionFactory factory;
    final List<StatementEvent> statements = new CopyOnWriteArrayList<>();

    @BeforeEach
    void setUp() {
        engine = db.createEngine();
        Base.of(Person.class, Address.class, Post.class, Tag.class, Category.class)
                .metadata()
                .createAll(engine);
        engine.addStatementListener(statements::add);
        factory = new SessionFactory(engine);
    }

    @AfterEach
    void tearDown() {
        db.reset();
    }

    private List<String> rows(String sql) {
        try (Connection conn = engine.connect()) {
            return conn.execute(text(sql)).scalars(String.class);
        }
    }

    @Test
    void quickStartStory() {
        try (Session session = factory.openSession()) {
            Person spongebob = new Person("spongebob", "spongebob@sqlalchemy.org");
            Person sandy = new Person("sandy", "sandy@sqlalchemy.org", "sandy@squirrelpower.org");
            Person patrick = new Person("patrick");
            session.addAll(List.of(spongebob, sandy, patrick));
            assertThat(sandy.addresses.get(0).person).isSameAs(sandy); // back-populated when added
            session.commit();
            assertThat(sandy.addresses).allSatisfy(a -> assertThat(a.userId).isEqualTo(sandy.id));
        }
        assertThat(rows("SELECT " + db.concat("email", "':'", "user_id") + " FROM address ORDER BY id"))
                .containsExactly("spongebob@sqlalchemy.org:1", "sandy@sqlalchemy.org:2", "sandy@squirrelpower.org:2");

        try (Session session = factory.openSession()) {
            Person sandy = session.query(Person.class).filterBy("name", "sandy").one();
            Person patrick =
                    session.query(Person.class).filterBy("name", "patrick").one();
            // move an address from sandy to patrick
            Address moved = sandy.addresses.get(1);
            sandy.addresses.remove(moved);
            patrick.addresses.add(moved);
            assertThat(moved.person).isSameAs(patrick);
            // remove one from the collection: the orphan is deleted
            Address orphan = sandy.addresses.get(0);
            sandy.addresses.remove(orphan);
            session.commit();
        }
        assertThat(rows("SELECT " + db.concat("email", "':'", "user_id") + " FROM address ORDER BY id"))
                .containsExactly("spongebob@sqlalchemy.org:1", "sandy@squirrelpower.org:3");

        try (Session session = factory.openSession()) {
            Person patrick =
                    session.query(Person.class).filterBy("name", "patrick").one();
            session.delete(patrick); // cascades to the address
            session.commit();
        }
        assertThat(rows("SELECT name FROM user_account ORDER BY id")).containsExactly("spongebob", "sandy");
        assertThat(rows("SELECT email FROM address")).containsExactly("spongebob@sqlalchemy.org");
    }

    private void manyPeople(int people, int addressesEach) {
        try (Session session = factory.openSession()) {
            List<Person> all = new ArrayList<>();
            for (int i = 0; i < people; i++) {
                Person p = new Person("p" + i);
                for (int j = 0; j < addressesEach; j++) {
                    p.addresses.add(new Address("p" + i + "-" + j + "@x.org"));
                }
                all.add(p);
            }
            session.addAll(all);
            session.commit();
        }
        statements.clear();
    }

    @Test
    void defaultLazyCollectionsLoadForTheWholeQueryAtOnce() {
        manyPeople(1000, 5);
        try (Session session = factory.openSession()) {
            int total = 0;
            for (Person p : session.query(Person.class).all()) {
                total += p.addresses.size();
            }
            assertThat(total).isEqualTo(5000);
            assertThat(statements).hasSizeLessThanOrEqualTo(3); // 1 for people, 2 IN-chunks of 500 for addresses
        }
    }

    @Test
    void selectinLoadsRightAwayAndManyToOneIsBatched() {
        manyPeople(200, 5);
        try (Session session = factory.openSession()) {
            List<Person> people = session.query(Person.class)
                    .options(Load.selectin(Person::getAddresses))
                    .all();
            assertThat(statements).hasSize(2);
            statements.clear();
            assertThat(people.get(0).addresses).hasSize(5);
            assertThat(statements).isEmpty();
        }
        statements.clear();
        try (Session session = factory.openSession()) {
            List<Address> addresses = session.scalars(select(Address.class)).all();
            assertThat(addresses).hasSize(1000);
            assertThat(addresses).allSatisfy(a -> assertThat(a.person).isNotNull());
            assertThat(statements).hasSize(2); // addresses, then their people in one IN query
        }
    }

    @Test
    void raiseAndDetachedAccessFailWithAdvice() {
        manyPeople(2, 1);
        Person detached;
        try (Session session = factory.openSession()) {
            Person p = session.query(Person.class)
                    .options(Load.raise(Person::getAddresses))
                    .filterBy("name", "p0")
                    .one();
            assertThatThrownBy(() -> p.addresses.size())
                    .isInstanceOf(InvalidRequestError.class)
                    .hasMessageContaining("Person.addresses is not loaded")
                    .hasMessageContaining("Load.selectin");
            session.expunge(p);
            detached = session.query(Person.class).filterBy("name", "p1").one();
        }
        assertThatThrownBy(() -> detached.addresses.size())
                .isInstanceOf(DetachedInstanceError.class)
                .hasMessageContaining("Person.addresses cannot be loaded lazily")
                .hasMessageContaining("Load.selectin");
    }

    @Test
    void noloadLeavesCollectionsEmpty() {
        manyPeople(1, 3);
        try (Session session = factory.openSession()) {
            Person p = session.query(Person.class)
                    .options(Load.noload(Person.class, "addresses"))
                    .one();
            assertThat(p.addresses).isEmpty();
        }
    }

    @Test
    void manyToManyInsertsAndDeletesAssociationRows() {
        try (Session session = factory.openSession()) {
            Tag java = new Tag("java");
            Tag sql = new Tag("sql");
            Post first = new Post("first");
            first.tags.add(java);
            first.tags.add(sql);
            Post second = new Post("second");
            second.tags.add(sql);
            session.addAll(List.of(first, second));
            session.commit();
        }
        assertThat(rows("SELECT " + db.concat("post_id", "'-'", "tag_id") + " FROM post_tags ORDER BY post_id, tag_id"))
                .containsExactly("1-1", "1-2", "2-2");
        try (Session session = factory.openSession()) {
            Tag sql = session.query(Tag.class).filterBy("name", "sql").one();
            assertThat(sql.posts).extracting(p -> p.title).containsExactlyInAnyOrder("first", "second");
            Post first = session.query(Post.class).filterBy("title", "first").one();
            first.tags.remove(sql);
            session.commit();
        }
        assertThat(rows("SELECT " + db.concat("post_id", "'-'", "tag_id") + " FROM post_tags ORDER BY post_id, tag_id"))
                .containsExactly("1-1", "2-2");
        try (Session session = factory.openSession()) {
            session.delete(session.query(Post.class).filterBy("title", "second").one());
            session.commit();
        }
        assertThat(rows("SELECT " + db.concat("post_id", "'-'", "tag_id") + " FROM post_tags"))
                .containsExactly("1-1");
        assertThat(rows("SELECT name FROM tags ORDER BY id")).containsExactly("java", "sql");
    }

    @Test
    void selfReferentialTreeInsertsParentsFirstAndLoadsWithoutNPlusOne() {
        try (Session session = factory.openSession()) {
            Category root = new Category("root")
                    .add(new Category("b").add(new Category("b1")).add(new Category("b2")))
                    .add(new Category("a").add(new Category("a1")));
            session.add(root);
            session.commit();
        }
        assertThat(rows("SELECT " + db.concat("c.name", "'<'", "coalesce(p.name, '-')")
                        + " FROM categories c LEFT JOIN categories p ON c.parent_id = p.id ORDER BY c.id"))
                .containsExactlyInAnyOrder("root<-", "b<root", "a<root", "b1<b", "b2<b", "a1<a");
        statements.clear();
        try (Session session = factory.openSession()) {
            List<Category> all = session.query(Category.class).all();
            assertThat(statements).hasSize(1); // parents are in the identity map already
            Category root =
                    all.stream().filter(c -> c.parent == null).findFirst().orElseThrow();
            assertThat(root.children).extracting(c -> c.name).containsExactly("a", "b");
            assertThat(root.children.get(1).children).extracting(c -> c.name).containsExactly("b1", "b2");
            assertThat(statements).hasSize(2); // one more statement loaded every category's children
            session.delete(root);
            session.commit();
        }
        assertThat(rows("SELECT count(*) FROM categories")).containsExactly("0");
    }

    @Test
    void joinedLoadingKeepsTheRelationshipsOrderBy() {
        try (Session session = factory.openSession()) {
            session.add(new Person("sandy", "b@example.com", "a@example.com")); // orderBy = "email"
            session.commit();
        }
        try (Session session = factory.openSession()) {
            Person selectin = session.query(Person.class)
                    .options(dev.alchemy.orm.Load.selectin(Person::getAddresses))
                    .one();
            assertThat(selectin.addresses).extracting(a -> a.email).containsExactly("a@example.com", "b@example.com");
        }
        try (Session session = factory.openSession()) {
            Person joined = session.query(Person.class)
                    .options(dev.alchemy.orm.Load.joined(Person::getAddresses))
                    .one();
            assertThat(joined.addresses).extracting(a -> a.email).containsExactly("a@example.com", "b@example.com");
        }
    }

    @dev.alchemy.orm.Table(name = "blog_posts")
    static class BlogPost {
        @dev.alchemy.orm.Column(primaryKey = true)
        Integer id;

        @dev.alchemy.orm.Relationship(secondary = "blog_post_labels")
        List<BlogLabel> labels = new java.util.ArrayList<>();
    }

    @dev.alchemy.orm.Table(name = "blog_labels")
    static class BlogLabel {
        @dev.alchemy.orm.Column(primaryKey = true)
        Integer id;
    }

    @Test
    void associationTableColumnsAreSnakeCaseLikeEveryColumn() {
        Base base = Base.of(BlogPost.class, BlogLabel.class);
        assertThat(base.metadata().table("blog_post_labels").columns())
                .extracting(c -> c.name())
                .containsExactly("blog_post_id", "blog_label_id");
    }

    @dev.alchemy.orm.Table(name = "loners")
    static class Loner {
        @dev.alchemy.orm.Column(primaryKey = true)
        Integer id;

        @dev.alchemy.orm.Relationship(secondary = "loner_tags")
        List<Tag> tags = new java.util.ArrayList<>();
    }

    @Test
    void anAssociationTableToAClassOutsideTheBaseIsAMappingError() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Base.of(Loner.class))
                .isInstanceOf(dev.alchemy.exc.MappingError.class);
    }
}
