package dev.alchemy.orm.inherit.single;

import static dev.alchemy.Alchemy.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.alchemy.engine.Connection;
import dev.alchemy.engine.Engine;
import dev.alchemy.engine.StatementEvent;
import dev.alchemy.exc.IntegrityError;
import dev.alchemy.exc.InvalidRequestError;
import dev.alchemy.exc.StaleDataError;
import dev.alchemy.orm.Base;
import dev.alchemy.orm.Load;
import dev.alchemy.orm.LoadOption;
import dev.alchemy.orm.MapperEvents;
import dev.alchemy.orm.Session;
import dev.alchemy.orm.SessionFactory;
import dev.alchemy.testing.OnDatabases;
import dev.alchemy.testing.TestDatabase;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;

/**
 * Single-table inheritance (SQLAlchemy's polymorphic_on / polymorphic_identity without a subclass table): Person >
 * Employee > Manager in table {@code person}, with a discriminator column {@code type}.
 */
@OnDatabases
class SingleTableInheritanceTest {

    @Parameter
    TestDatabase db;

    Engine engine;
    Base base;
    SessionFactory sessions;
    final List<StatementEvent> statements = new CopyOnWriteArrayList<>();
    Integer ann;
    Integer bob;
    Integer cat;

    @BeforeEach
    void setUp() {
        engine = db.createEngine();
        base = Base.of(Company.class, Person.class, Badge.class);
        base.metadata().createAll(engine);
        sessions = new SessionFactory(engine);
        try (Session session = sessions.openSession()) {
            Company acme = new Company("acme");
            Person a = new Person("ann");
            Employee b = new Employee("bob", "clerk");
            Manager c = new Manager("cat", "boss", 3);
            acme.employees.add(b);
            acme.employees.add(c);
            session.addAll(List.of(acme, a, b, c));
            session.commit();
            ann = a.id;
            bob = b.id;
            cat = c.id;
        }
        engine.addStatementListener(statements::add);
    }

    @AfterEach
    void tearDown() {
        db.reset();
    }

    private List<String> sql() {
        return statements.stream().map(StatementEvent::sql).toList();
    }

    @Test
    void baseIncludesTheWholeHierarchyInOneTable() {
        assertThat(Base.of(Company.class, Person.class).models())
                .containsExactly(Company.class, Person.class, Employee.class, Manager.class);
        assertThat(base.table(Employee.class)).isSameAs(base.table(Person.class));
        assertThat(base.table(Manager.class).columns())
                .extracting(c -> c.name() + (c.isNullable() ? "" : " NOT NULL"))
                // the subclasses' columns come last, nullable whatever their declaration (a Person row has none)
                .containsExactly(
                        "id NOT NULL", "name NOT NULL", "type", "version NOT NULL", "title", "company_id", "reports");
    }

    @Test
    void createAllEmitsTheDdlSqlalchemyEmits() {
        if (!db.isSqlite()) {
            return; // the reference below is SQLAlchemy 1.4's SQLite DDL
        }
        Engine fresh = Engine.create("jdbc:sqlite::memory:");
        List<String> ddl = new ArrayList<>();
        fresh.addStatementListener(e -> ddl.add(e.sql().replaceAll("\\s+", " ").trim()));
        Base.of(Company.class, Person.class).metadata().createAll(fresh);
        // SQLAlchemy 1.4, the same model (title declared nullable there, since SQLAlchemy keeps NOT NULL)
        assertThat(ddl)
                .contains("CREATE TABLE person ( id INTEGER NOT NULL, name VARCHAR(50) NOT NULL, type VARCHAR(20), "
                        + "version INTEGER NOT NULL, title VARCHAR(50), company_id INTEGER, reports INTEGER, "
                        + "PRIMARY KEY (id), FOREIGN KEY(company_id) REFERENCES company (id) )");
        fresh.dispose();
    }

    @Test
    void queryOfTheBaseReturnsEveryClassWithAllItsFields() {
        try (Session session = sessions.openSession()) {
            List<Person> people = session.query(Person.class)
                    .orderBy(base.table(Person.class).c("name"))
                    .all();
            assertThat(people)
                    .extracting(p -> p.getClass().getSimpleName())
                    .containsExactly("Person", "Employee", "Manager");
            assertThat(((Employee) people.get(1)).title).isEqualTo("clerk");
            Manager m = (Manager) people.get(2);
            assertThat(m.title).isEqualTo("boss");
            assertThat(m.reports).isEqualTo(3);
            assertThat(m.type).isEqualTo("manager");
        }
        assertThat(sql()).as(sql().toString()).hasSize(2); // the SELECT and the ROLLBACK: no SELECT per subclass
    }

    @Test
    void queryOfASubclassReturnsOnlyItsRowsAndItsSubclasses() {
        try (Session session = sessions.openSession()) {
            assertThat(session.query(Employee.class).all())
                    .extracting(p -> p.name)
                    .containsExactlyInAnyOrder("bob", "cat");
            assertThat(session.query(Manager.class).all())
                    .extracting(p -> p.name)
                    .containsExactly("cat");
            assertThat(session.query(Employee.class).count()).isEqualTo(2);
            assertThat(session.query(Manager.class).filterBy("name", "bob").exists())
                    .isFalse();
        }
        assertThat(sql().get(0)).contains("WHERE person.type IN (");
    }

    @Test
    void getByKeyReturnsTheRowsClassAndOneObjectPerRow() {
        try (Session session = sessions.openSession()) {
            Person p = session.get(Person.class, cat);
            assertThat(p).isInstanceOf(Manager.class);
            assertThat(session.get(Employee.class, cat)).isSameAs(p);
            assertThat(session.get(Manager.class, cat)).isSameAs(p);
            assertThat(session.get(Employee.class, ann)).isNull(); // ann is a Person only
            Person a = session.get(Person.class, ann);
            assertThat(a.getClass()).isEqualTo(Person.class);
            assertThat(session.get(Manager.class, ann)).isNull(); // held by the session, but not a Manager
            assertThat(session.get(Manager.class, bob)).isNull();
        }
    }

    @Test
    void theSessionSetsTheDiscriminatorOnInsert() {
        try (Session session = sessions.openSession()) {
            Manager dan = new Manager("dan", "cto", 9);
            dan.type = "person"; // overwritten: a Manager's rows say manager
            session.add(dan);
            session.flush();
            assertThat(dan.type).isEqualTo("manager");
            session.commit();
        }
        try (Connection conn = engine.connect()) {
            assertThat(conn.execute(text("SELECT type FROM person WHERE name = 'dan'"))
                            .scalar())
                    .isEqualTo("manager");
        }
        assertThat(sql())
                .anyMatch(
                        s -> s.startsWith("INSERT INTO person (name, type, version, title, company_id, " + "reports)"));
    }

    @Test
    void aRowWithAnUnknownDiscriminatorFailsToLoadNamingIt() {
        try (Connection conn = engine.connect()) {
            conn.execute(text("INSERT INTO person (name, type, version) VALUES ('robo', 'robot', 1)"));
            conn.commit();
        }
        try (Session session = sessions.openSession()) {
            assertThatThrownBy(() -> session.query(Person.class).all())
                    .isInstanceOf(InvalidRequestError.class)
                    .hasMessageContaining("'robot'")
                    .hasMessageContaining("person, employee, manager");
        }
    }

    @Test
    void updatesAndDeletesOfASubclassKeepTheBasesVersion() {
        try (Session session = sessions.openSession()) {
            Manager m = session.get(Manager.class, cat);
            m.reports = 4;
            m.name = "cathy";
            session.commit();
            assertThat(m.version).isEqualTo(2);
        }
        try (Session session = sessions.openSession()) {
            Manager m = (Manager) session.get(Person.class, cat);
            assertThat(m.reports).isEqualTo(4);
            assertThat(m.name).isEqualTo("cathy");
            // as if another transaction had changed the row
            session.execute(text("UPDATE person SET version = 7 WHERE id = " + cat));
            m.reports = 5;
            assertThatThrownBy(session::flush).isInstanceOf(StaleDataError.class);
            session.rollback();
        }
        try (Session session = sessions.openSession()) {
            session.delete(session.get(Employee.class, bob));
            session.commit();
        }
        try (Session session = sessions.openSession()) {
            assertThat(session.query(Person.class).all())
                    .extracting(p -> p.name)
                    .containsExactlyInAnyOrder("ann", "cathy");
        }
    }

    @Test
    void refreshAndExpireOfASubclassReloadItsOwnColumns() {
        try (Session session = sessions.openSession()) {
            Manager m = session.get(Manager.class, cat);
            session.execute(text("UPDATE person SET reports = 11, title = 'ceo' WHERE id = " + cat));
            session.refresh(m);
            assertThat(m.reports).isEqualTo(11);
            assertThat(m.title).isEqualTo("ceo");
            session.execute(text("UPDATE person SET reports = 12 WHERE id = " + cat));
            session.commit(); // expires
            assertThat(session.get(Person.class, cat)).isSameAs(m);
            assertThat(m.reports).isEqualTo(12);
        }
    }

    @Test
    void rollbackAndAFailedFlushForgetTheNewSubclassObjects() {
        try (Session session = sessions.openSession()) {
            Manager dan = new Manager("dan", "cto", 9);
            session.add(dan);
            session.flush();
            session.rollback();
            assertThat(session.query(Manager.class).all())
                    .extracting(p -> p.name)
                    .containsExactly("cat");
            Employee dup = new Employee("eve", "clerk");
            dup.id = bob; // the key of an existing row
            session.add(dup);
            assertThatThrownBy(session::flush).isInstanceOf(IntegrityError.class);
            session.rollback();
            assertThat(session.query(Employee.class).count()).isEqualTo(2);
        }
    }

    @Test
    void relationshipsToTheBaseAndToASubclassLoadTheRightClasses() {
        try (Session session = sessions.openSession()) {
            session.add(new Badge("b-1", session.get(Person.class, cat)));
            session.commit();
        }
        try (Session session = sessions.openSession()) {
            Badge badge = session.query(Badge.class).one();
            assertThat(badge.person).isInstanceOf(Manager.class); // a many-to-one to Person holding a Manager
            assertThat(((Manager) badge.person).reports).isEqualTo(3);
        }
        for (LoadOption option : List.of(
                Load.selectin(Company.class, "employees"),
                Load.joined(Company.class, "employees"),
                Load.lazy(Company.class, "employees"))) {
            try (Session session = sessions.openSession()) {
                Company acme = session.query(Company.class).options(option).one();
                assertThat(acme.employees)
                        .extracting(e -> e.getClass().getSimpleName() + " " + e.name)
                        .as(option.toString())
                        .containsExactlyInAnyOrder("Employee bob", "Manager cat");
                assertThat(acme.employees.get(0).company).isSameAs(acme);
            }
        }
        try (Session session = sessions.openSession()) {
            Employee bobObject = session.get(Employee.class, bob);
            assertThat(bobObject.company.name).isEqualTo("acme"); // a subclass's own many-to-one
        }
    }

    @Test
    void rowsReferringToNewObjectsOfAnyClassOfTheTableAreInsertedAfterThem() {
        try (Session session = sessions.openSession()) {
            Manager dan = new Manager("dan", "cto", 2);
            Person pat = new Person("pat");
            session.add(new Badge("b-2", dan)); // first: its flush order must wait for the Manager and the Person
            session.add(pat);
            session.add(dan);
            session.add(new Badge("b-3", pat));
            session.commit();
        }
        try (Session session = sessions.openSession()) {
            assertThat(session.query(Badge.class).all())
                    .extracting(b -> b.code + " " + b.person.getClass().getSimpleName() + " " + b.person.name)
                    .containsExactlyInAnyOrder("b-2 Manager dan", "b-3 Person pat");
        }
    }

    @Test
    void listenersAndLoaderCriteriaOfTheBaseApplyToSubclasses() {
        List<String> inserted = new ArrayList<>();
        SessionFactory audited = new SessionFactory(engine)
                .withListener(Person.class, new MapperEvents<Person>() {
                    @Override
                    public void beforeInsert(Connection connection, Person target) {
                        inserted.add(target.getClass().getSimpleName() + " " + target.type);
                    }
                })
                .withLoaderCriteria(Person.class, table -> table.c("name").ne("cat"));
        try (Session session = audited.openSession()) {
            session.add(new Manager("dan", "cto", 1));
            session.add(new Employee("eve", "clerk"));
            session.commit();
            assertThat(inserted).containsExactlyInAnyOrder("Manager manager", "Employee employee");
            assertThat(session.query(Employee.class).all())
                    .extracting(p -> p.name)
                    .containsExactlyInAnyOrder("bob", "dan", "eve");
            assertThat(session.get(Manager.class, cat)).isNull();
        }
    }

    @Test
    void bulkUpdateOfASubclassTouchesOnlyItsRowsAndExpiresItsObjects() {
        try (Session session = sessions.openSession()) {
            Manager m = session.get(Manager.class, cat);
            Person a = session.get(Person.class, ann);
            long n = session.bulkUpdate(dev.alchemy.orm.EntitySelect.of(Employee.class), Map.of("name", "staff"));
            assertThat(n).isEqualTo(2);
            assertThat(session.get(Person.class, cat)).isSameAs(m); // expired, so read again
            assertThat(m.name).isEqualTo("staff");
            assertThat(session.get(Person.class, ann)).isSameAs(a);
            assertThat(a.name).isEqualTo("ann");
            session.commit();
        }
    }
}
