package dev.alchemy.reliability;

import static dev.alchemy.Alchemy.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.alchemy.engine.Connection;
import dev.alchemy.engine.Engine;
import dev.alchemy.exc.InvalidRequestError;
import dev.alchemy.orm.Base;
import dev.alchemy.orm.Column;
import dev.alchemy.orm.ObjectState;
import dev.alchemy.orm.Session;
import dev.alchemy.orm.SessionFactory;
import dev.alchemy.orm.Table;
import dev.alchemy.testing.OnDatabases;
import dev.alchemy.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;

/**
 * An object belongs to one open session at a time, as in SQLAlchemy: another session refuses it at once, naming both
 * sessions, instead of inserting it a second time; and a deleted object stays deleted until the application makes it
 * transient.
 */
@OnDatabases
class OneOwnerPerObjectTest {

    @Table(name = "items")
    static class Item {
        @Column(primaryKey = true)
        Long id;

        @Column(nullable = false, length = 100)
        String name;

        Item() {}

        Item(String name) {
            this.name = name;
        }
    }

    @Parameter
    TestDatabase db;

    Engine engine;
    SessionFactory sessions;

    @BeforeEach
    void open() {
        engine = db.createEngine();
        Base.of(Item.class).metadata().createAll(engine);
        sessions = new SessionFactory(engine);
    }

    @AfterEach
    void clean() {
        db.reset();
    }

    private long count() {
        try (Connection c = engine.connect()) {
            return ((Number) c.execute(text("SELECT count(*) FROM items")).scalar()).longValue();
        }
    }

    @Test
    void anotherOpenSessionRefusesAnObjectAtAddDeleteAndMerge() {
        try (Session first = sessions.openSession();
                Session second = sessions.openSession()) {
            Item item = new Item("lamp");
            first.add(item);
            first.commit();
            Item loaded = first.get(Item.class, item.id);

            assertThatThrownBy(() -> second.add(loaded))
                    .isInstanceOf(InvalidRequestError.class)
                    .hasMessageContaining(first.toString())
                    .hasMessageContaining(second.toString());
            assertThatThrownBy(() -> second.delete(loaded))
                    .isInstanceOf(InvalidRequestError.class)
                    .hasMessageContaining(first.toString());
            second.commit();
            assertThat(second.contains(loaded)).isFalse();
        }
        assertThat(count()).isEqualTo(1);
    }

    @Test
    void aPendingObjectOfAnotherSessionIsRefusedToo() {
        try (Session first = sessions.openSession();
                Session second = sessions.openSession()) {
            Item item = new Item("chair");
            first.add(item);
            assertThatThrownBy(() -> second.add(item)).isInstanceOf(InvalidRequestError.class);
            first.commit();
            second.commit();
        }
        assertThat(count()).isEqualTo(1);
    }

    @Test
    void mergeCopiesAnObjectOfAnotherSessionInsteadOfTakingIt() {
        try (Session first = sessions.openSession();
                Session second = sessions.openSession()) {
            Item item = new Item("desk");
            first.add(item);
            first.commit();
            Item loaded = first.get(Item.class, item.id);
            loaded.name = "standing desk";
            Item copy = second.merge(loaded); // SQLAlchemy's merge copies state; it never takes the object
            assertThat(copy).isNotSameAs(loaded);
            second.commit();
            assertThat(first.contains(loaded)).isTrue();
        }
        try (Session s = sessions.openSession()) {
            assertThat(s.query(Item.class).one().name).isEqualTo("standing desk");
        }
    }

    @Test
    void anObjectIsFreeOnceItsSessionCloses() {
        Item item = new Item("shelf");
        try (Session first = sessions.openSession()) {
            first.add(item);
            first.commit();
        }
        try (Session second = sessions.openSession()) {
            item.name = "bookshelf";
            second.add(item);
            second.commit();
        }
        assertThat(count()).isEqualTo(1);
    }

    @Test
    void aDeletedAndFlushedObjectIsRefusedUntilMadeTransient() {
        Item item = new Item("vase");
        try (Session session = sessions.openSession()) {
            session.add(item);
            session.commit();
            session.delete(item);
            session.flush();
            assertThat(session.stateOf(item)).isEqualTo(ObjectState.DELETED);
            assertThatThrownBy(() -> session.add(item))
                    .isInstanceOf(InvalidRequestError.class)
                    .hasMessageContaining("deleted")
                    .hasMessageContaining("makeTransient");
            session.commit();
        }
        try (Session session = sessions.openSession()) {
            assertThatThrownBy(() -> session.add(item)).isInstanceOf(InvalidRequestError.class);
            session.makeTransient(item);
            assertThat(session.stateOf(item)).isEqualTo(ObjectState.TRANSIENT);
            session.add(item); // inserted again as a new row
            session.commit();
        }
        assertThat(count()).isEqualTo(1);
    }
}
