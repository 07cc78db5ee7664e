package dev.alchemy.orm.inherit.selectin;

import static dev.alchemy.Alchemy.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.alchemy.engine.Engine;
import dev.alchemy.engine.StatementEvent;
import dev.alchemy.exc.MappingError;
import dev.alchemy.orm.Base;
import dev.alchemy.orm.Column;
import dev.alchemy.orm.Load;
import dev.alchemy.orm.Loading;
import dev.alchemy.orm.Polymorphic;
import dev.alchemy.orm.Session;
import dev.alchemy.orm.SessionFactory;
import dev.alchemy.orm.Table;
import dev.alchemy.testing.OnDatabases;
import dev.alchemy.testing.TestDatabase;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;

/**
 * Polymorphic loading by selectin ({@code @Polymorphic(load = Loading.SELECTIN)}, SQLAlchemy's {@code polymorphic_load
 * = "selectin"}): Staff > Engineer (selectin) > Lead, and Staff > Clerk (joined). A query of Staff outer joins clerk,
 * leaves engineer and lead out, and reads them after by key, one SELECT per class of the rows, never one per object.
 */
@OnDatabases
class SelectinPolymorphicTest {

    @Parameter
    TestDatabase db;

    Engine engine;
    Base base;
    SessionFactory sessions;
    final List<StatementEvent> statements = new CopyOnWriteArrayList<>();
    Integer ann;
    Integer bob;
    Integer cat;
    Integer dan;

    @BeforeEach
    void setUp() {
        engine = db.createEngine();
        base = Base.of(Team.class, Staff.class);
        base.metadata().createAll(engine);
        sessions = new SessionFactory(engine);
        try (Session session = sessions.openSession()) {
            Team core = new Team("core");
            Staff a = new Staff("ann");
            Engineer b = new Engineer("bob", "java");
            Lead c = new Lead("cat", "sql", 3);
            Clerk d = new Clerk("dan", "d1");
            core.members.addAll(List.of(a, b, c, d));
            session.addAll(List.of(core, a, b, c, d));
            session.commit();
            ann = a.id;
            bob = b.id;
            cat = c.id;
            dan = d.id;
        }
        engine.addStatementListener(statements::add);
    }

    @AfterEach
    void tearDown() {
        db.reset();
    }

    private List<String> selects() {
        return statements.stream()
                .map(e -> e.sql().replaceAll("\\s+", " ").replace("`", "")) // MariaDB quotes lead, a keyword
                .filter(s -> s.startsWith("SELECT") && !s.contains("FROM team"))
                .toList();
    }

    @Test
    void aQueryOfTheBaseReadsSelectinClassesAfterItOneSelectPerClass() {
        try (Session session = sessions.openSession()) {
            List<Staff> staff = session.query(Staff.class)
                    .orderBy(base.table(Staff.class).c("name"))
                    .all();
            assertThat(staff)
                    .extracting(s -> s.getClass().getSimpleName() + " " + s.name)
                    .containsExactly("Staff ann", "Engineer bob", "Lead cat", "Clerk dan");
            assertThat(((Engineer) staff.get(1)).language).isEqualTo("java");
            Lead lead = (Lead) staff.get(2);
            assertThat(lead.language).isEqualTo("sql");
            assertThat(lead.reports).isEqualTo(3);
            assertThat(lead.kind).isEqualTo("lead");
            assertThat(((Clerk) staff.get(3)).desk).isEqualTo("d1");
            // loaded, not merely filled: nothing to flush
            assertThat(session.dirtyObjects()).isEmpty();
        }
        List<String> selects = selects();
        assertThat(selects).hasSize(3);
        // the base's query joins clerk and leaves engineer and lead out
        assertThat(selects.get(0))
                .contains("FROM staff LEFT OUTER JOIN clerk ON clerk.id = staff.id")
                .doesNotContain("engineer")
                .doesNotContain("lead");
        // then one SELECT for the engineer, one for the lead (its two left-out tables joined), by key
        assertThat(selects.get(1)).contains("FROM engineer WHERE engineer.id IN (");
        assertThat(selects.get(2)).contains("FROM engineer JOIN lead ON lead.id = engineer.id WHERE engineer.id IN (");
    }

    @Test
    void aQueryOfTheSelectinClassJoinsItsOwnTables() {
        try (Session session = sessions.openSession()) {
            assertThat(session.query(Engineer.class).all())
                    .extracting(e -> e.getClass().getSimpleName() + " " + e.name + " " + e.language)
                    .containsExactlyInAnyOrder("Engineer bob java", "Lead cat sql");
        }
        // lead is joined (its own load is the default), so one SELECT
        assertThat(selects()).hasSize(1);
        assertThat(selects().get(0))
                .contains("FROM staff JOIN engineer ON engineer.id = staff.id "
                        + "LEFT OUTER JOIN lead ON lead.id = engineer.id");
    }

    @Test
    void getByKeyOfTheBaseReturnsTheCompleteSubclassObject() {
        try (Session session = sessions.openSession()) {
            Staff c = session.get(Staff.class, cat);
            assertThat(c).isInstanceOf(Lead.class);
            assertThat(((Lead) c).reports).isEqualTo(3);
            assertThat(((Lead) c).language).isEqualTo("sql");
            assertThat(session.get(Engineer.class, cat)).isSameAs(c);
            assertThat(session.get(Staff.class, ann).getClass()).isEqualTo(Staff.class);
            assertThat(session.get(Staff.class, dan)).isInstanceOf(Clerk.class);
        }
        // cat: the key's SELECT and the lead's; ann and dan: one each (Staff and a joined Clerk)
        assertThat(selects()).hasSize(4);
    }

    @Test
    void objectsTheSessionHoldsNeedNoSecondSelect() {
        try (Session session = sessions.openSession()) {
            session.query(Staff.class).all();
            statements.clear();
            List<Staff> again = session.query(Staff.class).all();
            assertThat(again).hasSize(4);
            assertThat(selects()).hasSize(1);
        }
    }

    @Test
    void populateExistingAndRefreshReadTheLeftOutTablesAgain() {
        try (Session session = sessions.openSession()) {
            Lead c = (Lead) session.get(Staff.class, cat);
            // changed in the session's own transaction, behind its back
            session.execute(text("UPDATE lead SET reports = 7 WHERE id = :id"), Map.of("id", cat));
            session.execute(text("UPDATE engineer SET language = 'go' WHERE id = :id"), Map.of("id", cat));
            statements.clear();
            session.query(Staff.class).populateExisting().all();
            assertThat(c.reports).isEqualTo(7);
            assertThat(c.language).isEqualTo("go");
            assertThat(selects()).hasSize(3); // the base's query, the engineer's table, the lead's two
            session.execute(text("UPDATE lead SET reports = 8 WHERE id = :id"), Map.of("id", cat));
            session.refresh(c);
            assertThat(c.reports).isEqualTo(8);
        }
    }

    @Test
    void aRelationshipToTheBaseLoadsEachClassCompletely() {
        try (Session session = sessions.openSession()) {
            List<Team> teams = session.query(Team.class)
                    .options(Load.selectin(Team.class, "members"))
                    .all();
            assertThat(teams.get(0).members)
                    .extracting(s -> s.getClass().getSimpleName())
                    .containsExactly("Staff", "Engineer", "Lead", "Clerk");
            assertThat(((Lead) teams.get(0).members.get(2)).reports).isEqualTo(3);
        }
        // the members, then the engineer's and the lead's tables (the teams' SELECT not counted)
        assertThat(selects()).hasSize(3);
    }

    @Test
    void manyRowsAreReadInChunksOf500Keys() {
        try (Session session = sessions.openSession()) {
            List<Engineer> more = new ArrayList<>();
            for (int i = 0; i < 1_200; i++) {
                more.add(new Engineer("e" + i, "java"));
            }
            session.addAll(more);
            session.commit();
        }
        statements.clear();
        try (Session session = sessions.openSession()) {
            List<Staff> staff = session.query(Staff.class).all();
            assertThat(staff).hasSize(1_204);
            assertThat(staff)
                    .filteredOn(s -> s.getClass() == Engineer.class)
                    .allSatisfy(e -> assertThat(((Engineer) e).language).isIn("java"));
        }
        // the base's query, 1,201 engineers in 3 SELECTs of at most 500 keys, and the lead's
        assertThat(selects()).hasSize(1 + 3 + 1);
    }

    @Test
    void aStreamedQueryCompletesEachBatch() {
        try (Session session = sessions.openSession();
                Stream<Staff> stream = session.query(Staff.class).yieldPer(2).stream()) {
            assertThat(stream.map(s -> s instanceof Engineer e ? e.name + " " + e.language : s.name))
                    .containsExactlyInAnyOrder("ann", "bob java", "cat sql", "dan");
        }
    }

    @Test
    void selectinIsRefusedWhereItMeansNothing() {
        assertThatThrownBy(() -> Base.of(SelectinBase.class))
                .isInstanceOf(MappingError.class)
                .hasMessageContaining("base class");
        assertThatThrownBy(() -> Base.of(SingleBase.class))
                .isInstanceOf(MappingError.class)
                .hasMessageContaining("single-table subclass");
        assertThatThrownBy(() -> Base.of(LazyBase.class))
                .isInstanceOf(MappingError.class)
                .hasMessageContaining("load = LAZY");
    }

    @Table(name = "sb")
    @Polymorphic(on = "kind", identity = "b", load = Loading.SELECTIN, subclasses = SelectinBaseSub.class)
    public static class SelectinBase {
        @Column(primaryKey = true)
        public Integer id;

        @Column(length = 5)
        public String kind;
    }

    @Table(name = "sbs")
    @Polymorphic(identity = "s")
    public static class SelectinBaseSub extends SelectinBase {}

    @Table(name = "single")
    @Polymorphic(on = "kind", identity = "b", subclasses = SingleSub.class)
    public static class SingleBase {
        @Column(primaryKey = true)
        public Integer id;

        @Column(length = 5)
        public String kind;
    }

    @Polymorphic(identity = "s", load = Loading.SELECTIN)
    public static class SingleSub extends SingleBase {}

    @Table(name = "lazy")
    @Polymorphic(on = "kind", identity = "b", subclasses = LazySub.class)
    public static class LazyBase {
        @Column(primaryKey = true)
        public Integer id;

        @Column(length = 5)
        public String kind;
    }

    @Table(name = "lazy_sub")
    @Polymorphic(identity = "s", load = Loading.LAZY)
    public static class LazySub extends LazyBase {}
}
