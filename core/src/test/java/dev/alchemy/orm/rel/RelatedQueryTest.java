package dev.alchemy.orm.rel;

import static dev.alchemy.Alchemy.where;
import static dev.alchemy.orm.Related.any;
import static dev.alchemy.orm.Related.has;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.alchemy.Alchemy;
import dev.alchemy.engine.Engine;
import dev.alchemy.exc.ArgumentError;
import dev.alchemy.orm.Base;
import dev.alchemy.orm.Related;
import dev.alchemy.orm.Session;
import dev.alchemy.orm.SessionFactory;
import dev.alchemy.testing.OnDatabases;
import dev.alchemy.testing.TestDatabase;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;

/** Queries along relationships: any() and has() as EXISTS subqueries. */
@OnDatabases
class RelatedQueryTest {

    @Parameter
    TestDatabase db;

    Engine engine;
    Session session;

    @BeforeEach
    void setUp() {
        engine = db.createEngine();
        Base.of(Person.class, Address.class, Post.class, Tag.class, Category.class)
                .metadata()
                .createAll(engine);
        session = new SessionFactory(engine).openSession();
        Post first = new Post("first");
        first.tags.add(new Tag("java"));
        session.addAll(List.of(
                new Person("spongebob", "spongebob@sqlalchemy.org"),
                new Person("sandy", "sandy@sqlalchemy.org", "sandy@squirrelpower.org"),
                new Person("patrick"),
                first,
                new Post("second")));
        session.commit();
    }

    @AfterEach
    void tearDown() {
        session.close();
        db.reset();
    }

    @Test
    void anyFindsOwnersWithAMatchingChild() {
        assertThat(session.query(Person.class)
                        .filter(any(
                                Person::getAddresses, where(Address::getEmail).like("%squirrel%")))
                        .all())
                .extracting(p -> p.name)
                .containsExactly("sandy");
        assertThat(session.query(Person.class)
                        .filter(any(Person::getAddresses, null))
                        .count())
                .isEqualTo(2);
        assertThat(session.query(Person.class)
                        .filter(Alchemy.not(any(Person::getAddresses, null)))
                        .one()
                        .name)
                .isEqualTo("patrick");
        assertThat(session.query(Person.class)
                        .filter(any(Person::getAddresses, null))
                        .entitySelect()
                        .toString())
                .isEqualTo("SELECT user_account.id, user_account.name \nFROM user_account \nWHERE EXISTS (SELECT 1 \n"
                        + "FROM address \nWHERE user_account.id = address.user_id)");
    }

    @Test
    void hasFindsChildrenWhoseParentMatches() {
        assertThat(session.query(Address.class)
                        .filter(has(
                                Address::getPerson,
                                Alchemy.column(Person.class, "name").eq("sandy")))
                        .all())
                .hasSize(2);
    }

    @Test
    void anyThroughAnAssociationTable() {
        assertThat(session.query(Post.class)
                        .filter(Related.any(
                                Post.class,
                                "tags",
                                Alchemy.column(Tag.class, "name").eq("java")))
                        .all())
                .extracting(p -> p.title)
                .containsExactly("first");
    }

    @Test
    void joinAlongARelationshipFiltersOnTheRelatedClassAndKeepsOwnersUnique() {
        assertThat(session.query(Person.class)
                        .join(Person::getAddresses)
                        .filter(where(Address::getEmail).like("%sqlalchemy.org"))
                        .orderBy(Alchemy.column(Person.class, "name"))
                        .all())
                .extracting(p -> p.name)
                .containsExactly("sandy", "spongebob");
        assertThat(session.query(Person.class).join(Person::getAddresses).all()).hasSize(2); // sandy once, not twice
        assertThat(session.scalars(Alchemy.select(Person.class).join(Person::getAddresses))
                        .all())
                .hasSize(3);
        assertThat(session.scalars(Alchemy.select(Person.class).join(Person::getAddresses))
                        .unique()
                        .all())
                .hasSize(2);
        assertThat(session.query(Post.class)
                        .join("tags")
                        .filter(Alchemy.column(Tag.class, "name").eq("java"))
                        .one()
                        .title)
                .isEqualTo("first");
        assertThat(session.query(Person.class).outerJoin(Person::getAddresses).all())
                .hasSize(3);
    }

    @Test
    void joinedLoadingFetchesOwnersAndCollectionsInOneStatement() {
        java.util.List<String> sql = new java.util.concurrent.CopyOnWriteArrayList<>();
        engine.addStatementListener(e -> sql.add(e.sql()));
        try (Session fresh = new SessionFactory(engine).openSession()) {
            java.util.List<Person> people = fresh.query(Person.class)
                    .options(dev.alchemy.orm.Load.joined(Person::getAddresses))
                    .orderBy(Alchemy.column(Person.class, "id"))
                    .all();
            assertThat(people).extracting(p -> p.name).containsExactly("spongebob", "sandy", "patrick");
            assertThat(people.get(1).addresses)
                    .extracting(a -> a.email)
                    .containsExactly("sandy@sqlalchemy.org", "sandy@squirrelpower.org");
            assertThat(people.get(2).addresses).isEmpty();
            assertThat(sql).hasSize(1);
            assertThat(sql.get(0)).contains("LEFT OUTER JOIN address ON user_account.id = address.user_id");
            sql.clear();
            java.util.List<Address> addresses = fresh.scalars(
                            Alchemy.select(Address.class).options(dev.alchemy.orm.Load.joined(Address::getPerson)))
                    .all();
            assertThat(addresses).allSatisfy(a -> assertThat(a.person).isNotNull());
            assertThat(sql).hasSize(1);
            sql.clear();
            java.util.List<Post> posts = fresh.scalars(
                            Alchemy.select(Post.class).options(dev.alchemy.orm.Load.joined(Post.class, "tags")))
                    .unique()
                    .all();
            assertThat(posts).hasSize(2);
            assertThat(posts.get(0).tags).extracting(t -> t.name).containsExactly("java");
            assertThat(sql).hasSize(1);
        }
    }

    @Test
    void replacingACollectionInsertsTheNewAndDeletesTheOrphans() {
        Person sandy = session.query(Person.class).filterBy("name", "sandy").one();
        Address kept = sandy.addresses.get(0);
        sandy.addresses = new java.util.ArrayList<>(java.util.List.of(kept, new Address("sandy@new.org")));
        Post first = session.query(Post.class).filterBy("title", "first").one();
        first.tags = new java.util.LinkedHashSet<>(java.util.List.of(new Tag("sql")));
        session.commit();
        try (Session other = new SessionFactory(engine).openSession()) {
            assertThat(other.query(Person.class).filterBy("name", "sandy").one().addresses)
                    .extracting(a -> a.email)
                    .containsExactly("sandy@new.org", "sandy@sqlalchemy.org");
            assertThat(other.query(Address.class).count()).isEqualTo(3);
            assertThat(other.query(Post.class).filterBy("title", "first").one().tags)
                    .extracting(t -> t.name)
                    .containsExactly("sql");
        }
    }

    @Test
    void aCollectionReplacedWithoutLoadingIsFlushedBeforeTheNextQuery() {
        // autoflush compares each object's collection fields with the session's tracked collections: Person has one
        // relationship (one slot), Category two (a reference, then the collection in the second slot)
        Person sandy = session.query(Person.class).filterBy("name", "sandy").one();
        sandy.addresses = new java.util.ArrayList<>(java.util.List.of(new Address("sandy@replaced.org")));
        assertThat(session.query(Address.class)
                        .filterBy("email", "sandy@replaced.org")
                        .all())
                .hasSize(1);

        session.add(new Category("root"));
        session.commit();
        Category root = session.query(Category.class).filterBy("name", "root").one();
        root.children = new java.util.ArrayList<>(java.util.List.of(new Category("leaf")));
        assertThat(session.query(Category.class).filterBy("name", "leaf").all())
                .singleElement()
                .satisfies(leaf -> assertThat(leaf.parentId).isEqualTo(root.id));
    }

    @Test
    void misuseIsExplained() {
        assertThatThrownBy(() -> Related.has(Person.class, "addresses", null))
                .isInstanceOf(ArgumentError.class)
                .hasMessageContaining("is a collection; use any(...)");
        assertThatThrownBy(() -> Related.any(Person.class, "nope", null))
                .isInstanceOf(ArgumentError.class)
                .hasMessageContaining("Person has no relationship 'nope'; its relationships: [addresses]");
    }
}
