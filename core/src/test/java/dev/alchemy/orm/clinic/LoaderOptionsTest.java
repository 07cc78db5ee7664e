package dev.alchemy.orm.clinic;

import static dev.alchemy.Alchemy.where;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.alchemy.engine.Engine;
import dev.alchemy.engine.StatementEvent;
import dev.alchemy.exc.ArgumentError;
import dev.alchemy.exc.InvalidRequestError;
import dev.alchemy.orm.Load;
import dev.alchemy.orm.Session;
import dev.alchemy.orm.SessionFactory;
import dev.alchemy.testing.OnDatabases;
import dev.alchemy.testing.TestDatabase;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;

/**
 * Loader options are checked and can be chained, as SQLAlchemy's: an option naming a relationship of another class
 * than the query's fails instead of being ignored (seen on main: {@code Load.noload(Visit.class, "pet")} on a query
 * of {@code Owner} did nothing), and {@code Load.selectin(Owner::getPets).selectin(Pet::getVisits)} loads owners, pets
 * and visits in three statements, whatever the number of rows.
 */
@OnDatabases
class LoaderOptionsTest {

    @Parameter
    TestDatabase db;

    Engine engine;
    SessionFactory sessions;
    final List<String> selects = new CopyOnWriteArrayList<>();

    @BeforeEach
    void setUp() {
        engine = db.createEngine();
        sessions = Clinic.create(engine);
        engine.addStatementListener((StatementEvent e) -> {
            if (e.sql().startsWith("SELECT")) {
                selects.add(e.sql());
            }
        });
    }

    @AfterEach
    void tearDown() {
        db.reset();
    }

    private static int visitCount(List<Owner> owners) {
        int n = 0;
        for (Owner o : owners) {
            for (Pet p : o.getPets()) {
                n += p.getVisits().size();
            }
        }
        return n;
    }

    @Test
    void theGuidesChains() {
        try (Session session = sessions.openSession()) {
            // tag::loader-option-chains[]
            List<Owner> owners = session.query(Owner.class)
                    .options(Load.selectin(Owner::getPets).selectin(Pet::getVisits)) // owners, pets, visits
                    .all();
            session.query(Owner.class)
                    .options(Load.selectin(Owner::getPets)
                            .options(Load.selectin(Pet::getVisits), Load.noload(Pet::getType))) // side by side
                    .all();
            session.query(Owner.class)
                    .options(Load.lazy(Owner::getPets).selectin(Pet::getVisits)) // visits with the pets, on access
                    .all();
            // end::loader-option-chains[]
            assertThat(visitCount(owners)).isEqualTo(3);
        }
    }

    @Test
    void anOptionForAnotherClassIsRefused() {
        try (Session session = sessions.openSession()) {
            assertThatThrownBy(() -> session.query(Owner.class).options(Load.noload(Visit.class, "pet")))
                    .isInstanceOf(ArgumentError.class)
                    .hasMessageContaining("Visit.pet does not apply to a query of Owner");
            assertThatThrownBy(() -> session.query(Owner.class).options(Load.selectin(Pet::getVisits)))
                    .isInstanceOf(ArgumentError.class)
                    .hasMessageContaining("Pet.visits does not apply to a query of Owner");
            assertThatThrownBy(() -> session.query(Owner.class).options(Load.selectin(Owner.class, "petz")))
                    .isInstanceOf(ArgumentError.class)
                    .hasMessageContaining("Owner has no relationship 'petz'");
            assertThatThrownBy(() -> session.query(Owner.class)
                            .options(Load.selectin(Owner::getPets).selectin(Owner::getPets)))
                    .isInstanceOf(ArgumentError.class)
                    .hasMessageContaining("Owner.pets does not follow the one for Owner.pets, which loads Pet objects");
        }
    }

    @Test
    void aChainLoadsAWholeGraphInOneStatementPerLevel() {
        try (Session session = sessions.openSession()) {
            List<Owner> owners = session.query(Owner.class)
                    .options(Load.selectin(Owner::getPets).selectin(Pet::getVisits))
                    .all();
            int loading = selects.size();
            assertThat(visitCount(owners)).isEqualTo(3);
            assertThat(selects).hasSize(loading);
            // owners; pets; their types (a many-to-one loads at once); visits; nothing more for the reading
            assertThat(loading).isEqualTo(4);
        }
    }

    @Test
    void aChainAfterAJoinedOrALazyOption() {
        try (Session session = sessions.openSession()) {
            List<Owner> owners = session.query(Owner.class)
                    .options(Load.joined(Owner::getPets).selectin(Pet::getVisits))
                    .all();
            int loading = selects.size();
            assertThat(visitCount(owners)).isEqualTo(3);
            assertThat(selects).hasSize(loading);
            assertThat(selects.get(0)).contains("LEFT OUTER JOIN pets");
        }
        selects.clear();
        try (Session session = sessions.openSession()) {
            List<Owner> owners = session.query(Owner.class)
                    .options(Load.lazy(Owner::getPets).selectin(Pet::getVisits))
                    .all();
            assertThat(selects).hasSize(1);
            owners.get(0).getPets().size(); // the pets of every owner, their types and visits
            int loading = selects.size();
            assertThat(visitCount(owners)).isEqualTo(3);
            assertThat(selects).hasSize(loading);
        }
    }

    @Test
    void aChainedRaiseRefusesTheAccess() {
        try (Session session = sessions.openSession()) {
            Owner franklin = session.query(Owner.class)
                    .filter(where(Owner::getLastName).eq("Franklin"))
                    .options(Load.selectin(Owner::getPets).raise(Pet::getVisits))
                    .one();
            Pet leo = franklin.getPets().get(0);
            assertThatThrownBy(() -> leo.getVisits().size()).isInstanceOf(InvalidRequestError.class);
        }
    }

    @Test
    void aChainAlsoLoadsWhatTheSessionAlreadyHeld() {
        try (Session session = sessions.openSession()) {
            List<Pet> pets = session.query(Pet.class).all(); // visits not loaded
            selects.clear();
            List<Owner> owners = session.query(Owner.class)
                    .options(Load.selectin(Owner::getPets).selectin(Pet::getVisits))
                    .all();
            int loading = selects.size();
            assertThat(visitCount(owners)).isEqualTo(3);
            assertThat(selects).as(String.join("\n", selects)).hasSize(loading);
            assertThat(pets.get(0).getVisits()).isNotNull();
        }
    }

    @Test
    void sideBySideOptionsUnderOne() {
        try (Session session = sessions.openSession()) {
            List<Owner> owners = session.query(Owner.class)
                    .options(Load.selectin(Owner::getPets)
                            .options(Load.selectin(Pet::getVisits), Load.noload(Pet::getType)))
                    .all();
            int loading = selects.size();
            assertThat(visitCount(owners)).isEqualTo(3);
            assertThat(selects).hasSize(loading).hasSize(3);
            assertThat(owners.get(0).getPets())
                    .allSatisfy(p -> assertThat(p.getType()).isNull());
        }
    }
}
