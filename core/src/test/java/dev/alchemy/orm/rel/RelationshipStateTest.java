package dev.alchemy.orm.rel;

import static dev.alchemy.Alchemy.text;
import static org.assertj.core.api.Assertions.assertThat;

import dev.alchemy.engine.Connection;
import dev.alchemy.engine.Engine;
import dev.alchemy.orm.Base;
import dev.alchemy.orm.Session;
import dev.alchemy.orm.SessionFactory;
import dev.alchemy.testing.OnDatabases;
import dev.alchemy.testing.TestDatabase;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;

/**
 * How relationships follow the session's changes of state, as SQLAlchemy's do and the guide promises: a deleted object
 * left in a collection, a bulk-deleted row reached by a cascade, refresh of an expired object, savepoints, merge along
 * the merge cascade, and an expunged object's unloaded collection. First found while writing {@code docs/orm.md} and
 * {@code docs/relationships.md}.
 */
@OnDatabases
class RelationshipStateTest {

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
}
