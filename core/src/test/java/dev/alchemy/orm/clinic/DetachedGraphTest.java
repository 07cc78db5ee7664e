package dev.alchemy.orm.clinic;

import static dev.alchemy.Alchemy.where;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.alchemy.engine.Engine;
import dev.alchemy.exc.InvalidRequestError;
import dev.alchemy.orm.Load;
import dev.alchemy.orm.Session;
import dev.alchemy.orm.SessionFactory;
import dev.alchemy.testing.OnDatabases;
import dev.alchemy.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;

/**
 * A web form's save: a graph loaded in an earlier request (owner, pets, their types) comes back edited, and in the
 * new request a converter has already loaded one of the graph's rows again (the pet type chosen in a drop-down).
 * {@code add()} attaches the objects themselves, so it cannot take the graph's second copy of that row: it says which
 * object clashes, that {@code merge()} is the way, and leaves the session as it was. {@code merge()} saves the graph.
 * Seen on main: the message named neither the graph nor merge's role, and the objects attached before the clash
 * stayed in the session.
 */
@OnDatabases
class DetachedGraphTest {

    @Parameter
    TestDatabase db;

    Engine engine;
    SessionFactory sessions;

    @BeforeEach
    void setUp() {
        engine = db.createEngine();
        sessions = Clinic.create(engine);
    }

    @AfterEach
    void tearDown() {
        db.reset();
    }

    private Owner detachedDavis() {
        try (Session session = sessions.openSession()) {
            return session.query(Owner.class)
                    .filter(where(Owner::getLastName).eq("Davis"))
                    .options(Load.selectin(Owner.class, "pets"))
                    .one();
        }
    }

    @Test
    void addReattachesADetachedGraphThatClashesWithNothing() {
        Owner davis = detachedDavis();
        davis.setCity("Madison");
        try (Session session = sessions.openSession()) {
            session.add(davis);
            assertThat(session.contains(davis.getPets().get(0))).isTrue();
            session.commit();
        }
        try (Session session = sessions.openSession()) {
            assertThat(session.get(Owner.class, davis.getId()).getCity()).isEqualTo("Madison");
        }
    }

    @Test
    void addOfAGraphHoldingASecondCopyOfARowSaysWhichAndLeavesTheSessionAsItWas() {
        Owner davis = detachedDavis();
        Pet basil = davis.getPets().stream()
                .filter(p -> "Basil".equals(p.getName()))
                .findFirst()
                .orElseThrow();
        PetType detachedDog = basil.getType();
        davis.setCity("Madison");
        try (Session session = sessions.openSession()) {
            PetType dog = session.get(PetType.class, detachedDog.getId()); // the form's converter
            assertThat(dog).isNotSameAs(detachedDog);

            assertThatThrownBy(() -> session.add(davis))
                    .isInstanceOf(InvalidRequestError.class)
                    .hasMessageContaining("cannot add Owner with key " + davis.getId())
                    .hasMessageContaining("PetType with key " + dog.getId())
                    .hasMessageContaining("another object with that key is already in this session")
                    .hasMessageContaining("session.merge(");

            assertThat(session.contains(davis)).isFalse();
            assertThat(session.contains(basil)).isFalse();
            assertThat(session.newObjects()).isEmpty();
            assertThat(session.dirtyObjects()).isEmpty();

            Owner merged = session.merge(davis);
            assertThat(merged).isNotSameAs(davis);
            assertThat(merged.getPets())
                    .filteredOn(p -> "Basil".equals(p.getName()))
                    .singleElement()
                    .satisfies(p -> assertThat(p.getType()).isSameAs(dog));
            session.commit();
        }
        try (Session session = sessions.openSession()) {
            assertThat(session.get(Owner.class, davis.getId()).getCity()).isEqualTo("Madison");
        }
        // the detached objects can still be added once the session holds no other copy
        davis.setCity("Verona");
        try (Session session = sessions.openSession()) {
            session.add(davis);
            session.commit();
        }
        try (Session session = sessions.openSession()) {
            assertThat(session.get(Owner.class, davis.getId()).getCity()).isEqualTo("Verona");
        }
    }
}
