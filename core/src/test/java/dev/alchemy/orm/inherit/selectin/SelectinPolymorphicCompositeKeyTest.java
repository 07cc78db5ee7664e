package dev.alchemy.orm.inherit.selectin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.alchemy.engine.Engine;
import dev.alchemy.engine.StatementEvent;
import dev.alchemy.orm.Base;
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
 * Selectin polymorphic loading of a class whose key has two columns (Parcel: region and number; Express loads by
 * selectin): the subclass's rows are read after the base's by both key columns, each object gets its own row's
 * values even where two objects share one key column, and no object is read twice.
 */
@OnDatabases
class SelectinPolymorphicCompositeKeyTest {

    @Parameter
    TestDatabase db;

    Engine engine;
    Base base;
    SessionFactory sessions;
    final List<StatementEvent> statements = new CopyOnWriteArrayList<>();

    @BeforeEach
    void setUp() {
        engine = db.createEngine();
        base = Base.of(Parcel.class);
        base.metadata().createAll(engine);
        sessions = new SessionFactory(engine);
        try (Session session = sessions.openSession()) {
            session.addAll(List.of(
                    new Parcel("eu", 1, "letter"),
                    new Express("eu", 2, "medicine", 4),
                    new Express("us", 2, "parts", 24),
                    new Parcel("us", 1, "book"),
                    new Express("us", 3, "keys", 12)));
            session.commit();
        }
        engine.addStatementListener(statements::add);
    }

    @AfterEach
    void tearDown() {
        db.reset();
    }

    private List<String> selects() {
        return statements.stream()
                .map(e -> e.sql().replaceAll("\\s+", " ").replace("`", ""))
                .filter(s -> s.startsWith("SELECT"))
                .toList();
    }

    @Test
    void aQueryOfTheBaseReadsTheSubclassByBothKeyColumns() {
        try (Session session = sessions.openSession()) {
            List<Parcel> parcels = session.query(Parcel.class)
                    .orderBy(
                            base.table(Parcel.class).c("region"),
                            base.table(Parcel.class).c("number"))
                    .all();
            assertThat(parcels)
                    .extracting(p -> p.getClass().getSimpleName() + " " + p.region + p.number + " " + p.label + " "
                            + (p instanceof Express e ? e.hours : "-"))
                    .containsExactly(
                            "Parcel eu1 letter -",
                            "Express eu2 medicine 4",
                            "Parcel us1 book -",
                            "Express us2 parts 24",
                            "Express us3 keys 12");
            assertThat(session.dirtyObjects()).isEmpty();
            assertThat(session.get(Parcel.class, List.of("us", 2))).isSameAs(parcels.get(3));
            assertThat(session.get(Express.class, List.of("eu", 2))).isSameAs(parcels.get(1));
        }
        List<String> selects = selects();
        assertThat(selects).hasSize(2);
        assertThat(selects.get(0)).contains("FROM parcel").doesNotContain("express");
        assertThat(selects.get(1))
                .contains("FROM express WHERE")
                .contains("express.region")
                .contains("express.number");
    }

    @Test
    void theSubclassTableRefersToTheWholeKeyOfTheBase() {
        // one foreign key of both columns: a key per column would refer to columns not unique on their own, which
        // SQLite refused at the first INSERT and PostgreSQL and MariaDB at CREATE TABLE
        assertThat(base.table(Express.class).foreignKeys()).singleElement().satisfies(fk -> {
            assertThat(fk.columns()).containsExactly("region", "number");
            assertThat(fk.referredTable()).isEqualTo("parcel");
            assertThat(fk.referredColumns()).containsExactly("region", "number");
        });
    }

    @Test
    void getByCompositeKeyReturnsTheCompleteSubclassObject() {
        try (Session session = sessions.openSession()) {
            Parcel p = session.get(Parcel.class, List.of("us", 3));
            assertThat(p).isInstanceOf(Express.class);
            assertThat(((Express) p).hours).isEqualTo(12);
            assertThat(p.label).isEqualTo("keys");
            Parcel plain = session.get(Parcel.class, List.of("us", 1));
            assertThat(plain.getClass()).isEqualTo(Parcel.class);
        }
    }

    @Test
    void aChangedSubclassObjectIsWrittenToItsOwnRowOnly() {
        try (Session session = sessions.openSession()) {
            Express e = (Express) session.get(Parcel.class, List.of("us", 2));
            e.hours = 48;
            session.commit();
        }
        try (Session session = sessions.openSession()) {
            assertThat(session.query(Express.class).all())
                    .extracting(x -> x.region + x.number + ":" + x.hours)
                    .containsExactlyInAnyOrder("eu2:4", "us2:48", "us3:12");
        }
    }
}
