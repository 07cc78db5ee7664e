package dev.alchemy.orm.clinic;

import static dev.alchemy.Alchemy.select;
import static dev.alchemy.Alchemy.where;
import static org.assertj.core.api.Assertions.assertThat;

import dev.alchemy.engine.Engine;
import dev.alchemy.orm.Load;
import dev.alchemy.orm.ModelColumns;
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

/**
 * Getter references to getters declared on an unmapped superclass ({@code Owner::getLastName}, declared on
 * {@code Person}) name the attribute of the class the reference was made on, as Java reads them. Seen on main: the
 * compiled method reference names the declaring class, and every use failed with "class Person is not mapped".
 */
@OnDatabases
class InheritedGetterTest {

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

    @Test
    void conditionsAndOrderingOnInheritedColumns() {
        try (Session session = sessions.openSession()) {
            List<Owner> owners = session.query(Owner.class)
                    .filter(where(Owner::getLastName).startsWith("Da"))
                    .all();
            assertThat(owners).extracting(Owner::getFirstName).containsExactly("Betty");

            List<Pet> pets =
                    session.query(Pet.class).orderBy(where(Pet::getName).desc()).all();
            assertThat(pets).extracting(Pet::getName).containsExactly("Lucky", "Leo", "Basil");

            assertThat(ModelColumns.of(Visit::getId).table().name()).isEqualTo("visits");
            assertThat(ModelColumns.of(PetType::getName).table().name()).isEqualTo("types");
        }
    }

    @Test
    void relationshipGettersDeclaredOnASuperclass() {
        try (Session session = sessions.openSession()) {
            List<Visit> visits = session.scalars(select(Visit.class)
                            .join(Visit::getPet)
                            .where(where(Pet::getName).eq("Leo"))
                            .orderBy(where(Visit::getId)))
                    .all();
            assertThat(visits).extracting(Visit::getDescription).containsExactly("rabies shot", "neutered");

            assertThat(session.query(Visit.class)
                            .filter(Related.has(
                                    Visit::getPet, where(Pet::getName).eq("Basil")))
                            .all())
                    .extracting(Visit::getDescription)
                    .containsExactly("spayed");
        }
        try (Session session = sessions.openSession()) {
            List<Visit> eager = session.query(Visit.class)
                    .options(Load.noload(Visit::getPet))
                    .all();
            assertThat(eager).hasSize(3).allSatisfy(v -> assertThat(v.getPet()).isNull());
        }
    }
}
