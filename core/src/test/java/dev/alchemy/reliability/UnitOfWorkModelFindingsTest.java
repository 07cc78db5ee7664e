package dev.alchemy.reliability;

import static dev.alchemy.Alchemy.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.alchemy.engine.Connection;
import dev.alchemy.engine.Engine;
import dev.alchemy.exc.IntegrityError;
import dev.alchemy.orm.Base;
import dev.alchemy.orm.Column;
import dev.alchemy.orm.ForeignKey;
import dev.alchemy.orm.ObjectState;
import dev.alchemy.orm.Relationship;
import dev.alchemy.orm.Session;
import dev.alchemy.orm.SessionFactory;
import dev.alchemy.orm.Table;
import dev.alchemy.testing.OnDatabases;
import dev.alchemy.testing.TestDatabase;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;

/**
 * The bugs {@link UnitOfWorkModelTest} found, each as the smallest sequence that showed it. Each was seen on main
 * before its fix: a rollback that left a rolled-back child in its parent's collection (so the next commit inserted it
 * again), an object inserted and deleted in one transaction coming back persistent after the rollback, a delete asked
 * for inside a savepoint surviving the savepoint's rollback, queries that did not see children added to or removed
 * from a collection, and a child moved between parents with no back-reference deleted as an orphan.
 */
@OnDatabases
class UnitOfWorkModelFindingsTest {

    @Table(name = "parents")
    static class Parent {
        @Column(primaryKey = true)
        Long id;

        @Column(nullable = false, unique = true, length = 40)
        String name;

        @Relationship(cascade = "all, delete-orphan", orderBy = "id")
        List<Child> children = new ArrayList<>();

        Parent() {}

        Parent(String name) {
            this.name = name;
        }
    }

    @Table(name = "children")
    static class Child {
        @Column(primaryKey = true)
        Long id;

        @Column(nullable = false)
        @ForeignKey("parents.id")
        Long parentId;

        @Column(nullable = false, length = 40)
        String label;

        Child() {}

        Child(String label) {
            this.label = label;
        }

        @Override
        public String toString() {
            return "Child(" + label + ")";
        }
    }

    @Parameter
    TestDatabase db;

    Engine engine;
    SessionFactory sessions;

    @BeforeEach
    void open() {
        engine = db.createEngine();
        Base.of(Parent.class, Child.class).metadata().createAll(engine);
        sessions = new SessionFactory(engine);
    }

    @AfterEach
    void clean() {
        db.reset();
    }

    private List<Object> labels() {
        try (Connection c = engine.connect()) {
            return c.execute(text("SELECT label FROM children ORDER BY label")).scalars();
        }
    }

    private Parent stored(Session session, String name) {
        Parent p = new Parent(name);
        session.add(p);
        session.commit();
        return p;
    }

    @Test
    void aRollbackTakesAFlushedChildOutOfItsParentsCollection() {
        try (Session session = sessions.openSession()) {
            Parent p = stored(session, "p");
            Child c = new Child("rolled back");
            p.children.add(c);
            session.flush();
            session.rollback();

            assertThat(p.children).as("what the rows hold").isEmpty();
            assertThat(session.stateOf(c)).isEqualTo(ObjectState.TRANSIENT);
            session.commit(); // before the fix, the child still in the collection was inserted again here
        }
        assertThat(labels()).isEmpty();
    }

    @Test
    void aRollbackAfterAFailedFlushTakesAFlushedChildOutOfItsParentsCollection() {
        try (Session session = sessions.openSession()) {
            Parent p = stored(session, "p");
            Child c = new Child("rolled back");
            p.children.add(c);
            session.flush();
            session.add(new Parent("p")); // a duplicate name: this flush fails
            assertThatThrownBy(session::flush).isInstanceOf(IntegrityError.class);
            session.rollback();

            assertThat(p.children).isEmpty();
            assertThat(session.stateOf(c)).isEqualTo(ObjectState.TRANSIENT);
            session.commit();
        }
        assertThat(labels()).isEmpty();
    }

    @Test
    void aRollbackTakesAnUnflushedChildOutOfItsParentsCollection() {
        try (Session session = sessions.openSession()) {
            Parent p = stored(session, "p");
            p.children.add(new Child("never written"));
            session.rollback();
            assertThat(p.children).isEmpty();
            session.commit();
        }
        assertThat(labels()).isEmpty();
    }

    @Test
    void aRollbackPutsBackAChildRemovedAsAnOrphan() {
        try (Session session = sessions.openSession()) {
            Parent p = new Parent("p");
            Child c = new Child("kept");
            p.children.add(c);
            session.add(p);
            session.commit();

            p.children.remove(c);
            session.flush(); // the orphan's DELETE
            assertThat(session.stateOf(c)).isEqualTo(ObjectState.DELETED);
            session.rollback();

            assertThat(p.children).containsExactly(c);
            assertThat(session.stateOf(c)).isEqualTo(ObjectState.PERSISTENT);
            session.commit();
        }
        assertThat(labels()).containsExactly("kept");
    }

    @Test
    void anObjectInsertedAndDeletedInARolledBackTransactionIsTransient() {
        try (Session session = sessions.openSession()) {
            Parent p = new Parent("short-lived");
            session.add(p);
            session.flush();
            session.delete(p);
            session.flush();
            session.rollback();
            assertThat(session.stateOf(p)).isEqualTo(ObjectState.TRANSIENT);
            assertThat(session.contains(p)).isFalse();
        }
    }

    @Test
    void aRolledBackInsertLeavesNothingInTheIdentityMap() {
        try (Session session = sessions.openSession()) {
            Parent from = new Parent("from");
            Child c = new Child("moved");
            from.children.add(c);
            session.add(from);
            session.commit();

            Parent to = new Parent("to");
            session.add(to);
            session.flush();
            Long id = to.id;
            from.children.remove(c);
            to.children.add(c);
            session.flush();
            session.rollback();

            assertThat(session.get(Parent.class, id)).as("the rolled-back row").isNull();
            c.label = "changed";
            session.commit(); // before the fix: the stale entry set the child's parent_id to NULL here
            assertThat(c.parentId).isEqualTo(from.id);
        }
        assertThat(labels()).containsExactly("changed");
    }

    @Test
    void aRollbackKeepsTheIdentityMapRightWhenTheDatabaseReusedADeletedKey() {
        try (Session session = sessions.openSession()) {
            Parent p = new Parent("p");
            Child kept = new Child("kept");
            p.children.add(kept);
            session.add(p);
            session.commit();
            Long id = kept.id;

            session.delete(p); // and, by cascade, kept
            session.flush();
            Parent other = new Parent("other");
            Child temporary = new Child("temporary");
            other.children.add(temporary);
            session.add(other);
            session.flush(); // SQLite gives the freed keys again
            session.delete(other);
            session.flush();
            session.rollback();

            assertThat(session.get(Child.class, id))
                    .as("before the fix, the temporary child's restore took the kept child's identity")
                    .isSameAs(kept);
            assertThat(p.children).containsExactly(kept);
            assertThat(session.stateOf(temporary)).isEqualTo(ObjectState.TRANSIENT);
        }
    }

    @Test
    void aSessionClosedAfterInsertingAndDeletingAnObjectClosesCleanly() {
        Parent p = new Parent("short-lived");
        Session session = sessions.openSession();
        session.add(p);
        session.flush();
        session.delete(p);
        session.flush();
        session.close(); // before the fix: a NullPointerException from the identity map
        try (Session next = sessions.openSession()) {
            next.add(p); // transient again: inserted anew
            next.commit();
        }
        try (Connection c = engine.connect()) {
            assertThat(c.execute(text("SELECT count(*) FROM parents")).scalar(Long.class))
                    .isEqualTo(1L);
        }
    }

    @Test
    void aDeleteAskedForInsideASavepointIsUndoneByItsRollback() {
        try (Session session = sessions.openSession()) {
            Parent keep = stored(session, "keep");
            var savepoint = session.beginNested();
            session.delete(keep);
            session.add(new Parent("keep")); // a duplicate name: this flush fails
            assertThatThrownBy(session::flush).isInstanceOf(IntegrityError.class);
            savepoint.rollback();
            assertThat(session.stateOf(keep)).isEqualTo(ObjectState.PERSISTENT);
            session.commit();
        }
        try (Connection c = engine.connect()) {
            assertThat(c.execute(text("SELECT name FROM parents")).scalars()).containsExactly("keep");
        }
    }

    @Test
    void anOrphanMarkedByAFailedFlushInsideASavepointIsPersistentAfterItsRollback() {
        try (Session session = sessions.openSession()) {
            Parent p = new Parent("p");
            Child c = new Child("kept");
            p.children.add(c);
            session.add(p);
            session.commit();

            var savepoint = session.beginNested();
            p.children.remove(c);
            session.add(new Parent("p")); // a duplicate name: this flush fails, after it marked the orphan
            assertThatThrownBy(session::flush).isInstanceOf(IntegrityError.class);
            savepoint.rollback();

            assertThat(session.stateOf(c)).isEqualTo(ObjectState.PERSISTENT);
            assertThat(p.children).containsExactly(c);
            session.commit();
        }
        assertThat(labels()).containsExactly("kept");
    }

    @Test
    void aQuerySeesAChildAddedToACollection() {
        try (Session session = sessions.openSession()) {
            Parent p = stored(session, "p");
            p.children.add(new Child("new"));
            assertThat(session.query(Child.class).all())
                    .as("autoflush writes the child first")
                    .hasSize(1);
        }
    }

    @Test
    void aChildMovedThroughAQueryIsNotDeletedAsAnOrphan() {
        Child c = new Child("moved");
        try (Session session = sessions.openSession()) {
            Parent from = new Parent("from");
            from.children.add(c);
            session.addAll(List.of(from, new Parent("to")));
            session.commit();

            from.children.remove(c);
            // a removal alone does not autoflush, so this query does not delete the child as an orphan (SQLAlchemy's
            // autoflush would, and the add below would then fail with "has been deleted")
            Parent to = session.query(Parent.class).filterBy("name", "to").one();
            to.children.add(c);
            session.commit();
            assertThat(c.parentId).isEqualTo(to.id);
        }
        assertThat(labels()).containsExactly("moved");
    }

    @Test
    void aChildRemovedFromAParentThatIsThenDeletedIsDeletedAsAnOrphan() {
        try (Session session = sessions.openSession()) {
            Parent p = new Parent("p");
            p.children.add(new Child("orphan"));
            session.add(p);
            session.commit();

            p.children.remove(0);
            session.delete(p); // its cascade no longer reaches the child
            session.commit(); // before the fix: the parent's DELETE failed on the orphan's foreign key
        }
        assertThat(labels()).isEmpty();
    }

    @Test
    void aChildMovedToAnotherParentWithoutABackReferenceIsNotAnOrphan() {
        Child c = new Child("moved");
        try (Session session = sessions.openSession()) {
            Parent from = new Parent("from");
            Parent to = new Parent("to");
            from.children.add(c);
            session.add(from);
            session.add(to);
            session.commit();

            from.children.remove(c);
            to.children.add(c);
            session.commit();
            assertThat(session.stateOf(c)).isEqualTo(ObjectState.PERSISTENT);
            assertThat(c.parentId).isEqualTo(to.id);
        }
        assertThat(labels()).containsExactly("moved");
    }
}
