package dev.alchemy.orm.findings;

import static dev.alchemy.Alchemy.text;
import static org.assertj.core.api.Assertions.assertThat;

import dev.alchemy.engine.Connection;
import dev.alchemy.engine.Engine;
import dev.alchemy.orm.Base;
import dev.alchemy.orm.Session;
import dev.alchemy.orm.SessionFactory;
import dev.alchemy.orm.rel.Address;
import dev.alchemy.orm.rel.Category;
import dev.alchemy.orm.rel.Person;
import dev.alchemy.orm.rel.Post;
import dev.alchemy.orm.rel.Tag;
import dev.alchemy.testing.OnDatabases;
import dev.alchemy.testing.TestDatabase;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;

/**
 * Behaviour found while writing {@code docs/orm.md} and {@code docs/relationships.md}: each test states what
 * SQLAlchemy does and the pages promise. Tests marked {@code @Disabled} fail today; the reason names the gap.
 */
@OnDatabases
class DocumentationFindingsTest {

    @Parameter
    TestDatabase db;

    Engine engine;
    SessionFactory factory;

    @BeforeEach
    void setUp() {
        engine = db.createEngine();
        Base.of(Person.class, Address.class, Post.class, Tag.class, Category.class)
                .metadata()
                .createAll(engine);
        factory = new SessionFactory(engine);
    }

    @AfterEach
    void tearDown() {
        db.reset();
    }

    private List<String> rows(String query) {
        try (Connection conn = engine.connect()) {
            return conn.execute(text(query)).scalars(String.class);
        }
    }

    @Test
    void aDeletedObjectStillInAnotherObjectsCollectionIsDeleted() {
        try (Session session = factory.openSession()) {
            Tag sql = new Tag("sql");
            Post first = new Post("first");
            first.tags.add(sql);
            Post second = new Post("second");
            second.tags.add(sql);
            session.addAll(List.of(first, second));
            session.commit();
            session.delete(second); // still in sql.posts: the flush's save-update cascade must not take it back
            session.commit();
        }
        assertThat(rows("SELECT title FROM posts")).containsExactly("first");
        assertThat(rows("SELECT " + db.concat("post_id", "'-'", "tag_id") + " FROM post_tags"))
                .containsExactly("1-1");
    }

    @Test
    void aDeletedChildStillInItsParentsCollectionIsDeleted() {
        try (Session session = factory.openSession()) {
            Person sandy = new Person("sandy", "a@example.com", "b@example.com");
            session.add(sandy);
            session.commit();
            session.delete(sandy.addresses.get(0)); // SQLAlchemy deletes it; the list still holds it in memory
            session.commit();
        }
        assertThat(rows("SELECT email FROM address")).containsExactly("b@example.com");
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

    @Test
    void aBulkDeletedObjectIsNotInsertedAgainByACascade() {
        Base.of(
                        dev.alchemy.docs.relationships.Post.class,
                        dev.alchemy.docs.relationships.Comment.class,
                        dev.alchemy.docs.relationships.Tag.class)
                .metadata()
                .createAll(engine);
        try (Session session = factory.openSession()) {
            var post = new dev.alchemy.docs.relationships.Post("hello");
            post.comments.add(new dev.alchemy.docs.relationships.Comment("first!"));
            session.add(post);
            session.commit();
            assertThat(session.query(dev.alchemy.docs.relationships.Post.class).delete())
                    .isEqualTo(1); // ON DELETE CASCADE deletes the comment
            session.commit(); // the comment, still in the session, cascades save-update to its post
        }
        assertThat(rows("SELECT count(*) FROM post")).containsExactly("0");
    }

    @Test
    void refreshOverwritesUnflushedChangesAlsoOfAnExpiredObject() {
        try (Session session = factory.openSession()) {
            Person sandy = new Person("sandy");
            session.add(sandy);
            session.commit(); // expires sandy
            sandy.name = "changed";
            session.refresh(sandy); // Session.refresh: "discarding unflushed changes to it"
            assertThat(sandy.name).isEqualTo("sandy");
            assertThat(session.isModified(sandy)).isFalse();
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

    @Test
    void rollingBackASavepointForgetsTheObjectsFlushedInsideIt() {
        try (Session session = factory.openSession()) {
            var savepoint = session.beginNested();
            Person eve = new Person("eve");
            session.add(eve);
            session.flush();
            savepoint.rollback();
            assertThat(session.stateOf(eve)).isEqualTo(dev.alchemy.orm.ObjectState.TRANSIENT);
        }
    }

    @Test
    void aFailedFlushInsideASavepointKeepsTheWorkBeforeIt() {
        try (Session session = factory.openSession()) {
            session.add(new Person("keep"));
            session.flush();
            var savepoint = session.beginNested();
            session.add(new Person(null)); // NOT NULL violation
            org.assertj.core.api.Assertions.catchThrowable(session::flush);
            savepoint.rollback();
            session.commit();
        }
        assertThat(rows("SELECT name FROM user_account")).containsExactly("keep");
    }

    @Test
    void mergeFollowsRelationshipsWithTheMergeCascade() {
        try (Session session = factory.openSession()) {
            session.add(new Person("sandy", "old@example.com"));
            session.commit();
        }
        Person fromForm = new Person("sandy", "new@example.com");
        fromForm.id = 1;
        try (Session session = factory.openSession()) {
            session.merge(fromForm);
            session.commit();
        }
        assertThat(rows("SELECT email FROM address")).containsExactly("new@example.com");
    }

    @Test
    void anExpungedObjectsCollectionDoesNotLoad() {
        try (Session session = factory.openSession()) {
            session.add(new Person("sandy", "a@example.com"));
            session.commit();
            Person sandy = session.query(Person.class).one();
            session.expunge(sandy);
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> sandy.addresses.size())
                    .isInstanceOf(dev.alchemy.exc.DetachedInstanceError.class);
        }
    }

    @Test
    void typedConditionsOnConvertedAttributesConvertTheirValues() {
        Base.of(dev.alchemy.docs.orm.Product.class).metadata().createAll(engine);
        try (Session session = factory.openSession()) {
            session.add(new dev.alchemy.docs.orm.Product("Lamp", new dev.alchemy.docs.orm.Money(1999)));
            session.commit();
            assertThat(session.query(dev.alchemy.docs.orm.Product.class)
                            .filter(dev.alchemy.Alchemy.where(dev.alchemy.docs.orm.Product::getPrice)
                                    .eq(new dev.alchemy.docs.orm.Money(1999)))
                            .all())
                    .hasSize(1);
        }
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
