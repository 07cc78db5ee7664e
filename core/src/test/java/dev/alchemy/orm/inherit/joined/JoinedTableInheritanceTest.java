package dev.alchemy.orm.inherit.joined;

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
import dev.alchemy.orm.EntitySelect;
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
 * Joined-table inheritance (SQLAlchemy's inheriting mappers with a table each): Person > Employee > Manager in tables
 * person, employee and manager, joined on the primary key, with the discriminator {@code type} in person.
 */
@OnDatabases
class JoinedTableInheritanceTest {

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
        return statements.stream()
                .map(e -> e.sql().replaceAll("\\s+", " "))
                .filter(s -> !s.equals("COMMIT") && !s.equals("ROLLBACK") && !s.startsWith("BEGIN"))
                .toList();
    }

    @Test
    void eachClassHasItsTableJoinedOnThePrimaryKey() {
        assertThat(base.models())
                .containsExactly(Company.class, Person.class, Employee.class, Manager.class, Badge.class);
        assertThat(base.table(Employee.class).name()).isEqualTo("employee");
        assertThat(base.table(Manager.class).columns())
                .extracting(c -> c.name())
                .containsExactly("id", "reports", "grade");
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
        // SQLAlchemy 1.4 on the same model
        assertThat(ddl)
                .contains(
                        "CREATE TABLE person ( id INTEGER NOT NULL, name VARCHAR(50) NOT NULL, type VARCHAR(20), "
                                + "version INTEGER NOT NULL, PRIMARY KEY (id) )",
                        "CREATE TABLE employee ( id INTEGER NOT NULL, title VARCHAR(50) NOT NULL, company_id INTEGER, "
                                + "PRIMARY KEY (id), FOREIGN KEY(id) REFERENCES person (id), "
                                + "FOREIGN KEY(company_id) REFERENCES company (id) )",
                        "CREATE TABLE manager ( id INTEGER NOT NULL, reports INTEGER, grade VARCHAR(10) DEFAULT 'gold', "
                                + "PRIMARY KEY (id), FOREIGN KEY(id) REFERENCES employee (id) )");
        fresh.dispose();
    }

    @Test
    void queryOfTheBaseOuterJoinsTheSubclassTablesInOneSelect() {
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
        // no SELECT per subclass; the employees' company (a many-to-one) loads with them
        assertThat(sql()).filteredOn(s -> !s.contains("FROM company")).hasSize(1);
        assertThat(sql().get(0))
                .contains("FROM person LEFT OUTER JOIN employee ON employee.id = person.id "
                        + "LEFT OUTER JOIN manager ON manager.id = employee.id");
    }

    @Test
    void queryOfASubclassJoinsItsTables() {
        try (Session session = sessions.openSession()) {
            assertThat(session.query(Employee.class).all())
                    .extracting(p -> p.getClass().getSimpleName() + " " + p.name)
                    .containsExactlyInAnyOrder("Employee bob", "Manager cat");
            assertThat(session.query(Manager.class).all())
                    .extracting(p -> p.name)
                    .containsExactly("cat");
            assertThat(session.query(Employee.class).count()).isEqualTo(2);
            assertThat(session.query(Manager.class).filterBy("name", "bob").exists())
                    .isFalse();
            assertThat(session.query(Employee.class).filterBy("title", "clerk").one().name)
                    .isEqualTo("bob");
        }
        assertThat(sql().get(0)).contains("FROM person JOIN employee ON employee.id = person.id");
    }

    @Test
    void getByKeyReturnsTheRowsClassAndOneObjectPerRow() {
        try (Session session = sessions.openSession()) {
            Person p = session.get(Person.class, cat);
            assertThat(p).isInstanceOf(Manager.class);
            assertThat(session.get(Employee.class, cat)).isSameAs(p);
            assertThat(session.get(Manager.class, cat)).isSameAs(p);
            assertThat(session.get(Employee.class, ann)).isNull();
            assertThat(session.get(Person.class, ann).getClass()).isEqualTo(Person.class);
            assertThat(session.get(Manager.class, bob)).isNull();
        }
    }

    @Test
    void insertsWriteTheBaseRowFirstWithTheDiscriminator() {
        try (Session session = sessions.openSession()) {
            Manager dan = new Manager("dan", "cto", 9);
            session.add(dan);
            session.commit();
            assertThat(dan.type).isEqualTo("manager");
            assertThat(dan.version).isEqualTo(1);
            session.refresh(dan);
            assertThat(dan.grade).isEqualTo("gold"); // left out of the INSERT, so the database's default
        }
        assertThat(sql())
                .filteredOn(s -> s.startsWith("INSERT"))
                .extracting(s -> s.substring(0, s.indexOf(" (")))
                .containsExactly("INSERT INTO person", "INSERT INTO employee", "INSERT INTO manager");
        assertThat(sql()).filteredOn(s -> s.startsWith("INSERT INTO manager")).allMatch(s -> !s.contains("grade"));
        try (Connection conn = engine.connect()) {
            assertThat(conn.execute(text("SELECT count(*) FROM manager")).scalar())
                    .isIn(2, 2L);
        }
    }

    @Test
    void anUpdateTouchesOnlyTheTablesWhoseColumnsChangedAndTheBasesVersion() {
        try (Session session = sessions.openSession()) {
            Manager m = session.get(Manager.class, cat);
            statements.clear();
            m.reports = 4;
            session.flush();
            assertThat(sql())
                    .extracting(s -> s.substring(0, s.indexOf(" SET")))
                    .containsExactly("UPDATE person", "UPDATE manager"); // the version, then reports
            assertThat(m.version).isEqualTo(2);
            statements.clear();
            m.title = "chief";
            m.name = "cathy";
            session.flush();
            assertThat(sql())
                    .extracting(s -> s.substring(0, s.indexOf(" SET")))
                    .containsExactly("UPDATE person", "UPDATE employee");
            session.commit();
        }
        try (Session session = sessions.openSession()) {
            Manager m = (Manager) session.get(Person.class, cat);
            assertThat(m.reports + " " + m.title + " " + m.name + " " + m.version)
                    .isEqualTo("4 chief cathy 3");
            session.execute(text("UPDATE person SET version = 7 WHERE id = " + cat));
            m.reports = 5;
            assertThatThrownBy(session::flush).isInstanceOf(StaleDataError.class);
            session.rollback();
        }
    }

    @Test
    void deleteRemovesTheSubclassRowsBeforeTheBaseRow() {
        try (Session session = sessions.openSession()) {
            session.delete(session.get(Person.class, cat));
            session.commit();
        }
        assertThat(sql())
                .filteredOn(s -> s.startsWith("DELETE"))
                .extracting(s -> s.substring(0, s.indexOf(" WHERE")))
                .containsExactly("DELETE FROM manager", "DELETE FROM employee", "DELETE FROM person");
        try (Connection conn = engine.connect()) {
            for (String table : List.of("person", "employee", "manager")) {
                assertThat(((Number) conn.execute(text("SELECT count(*) FROM " + table + " WHERE id = " + cat))
                                        .scalar())
                                .intValue())
                        .as(table)
                        .isZero();
            }
        }
    }

    @Test
    void refreshAndExpireOfASubclassReloadEveryTable() {
        try (Session session = sessions.openSession()) {
            Manager m = session.get(Manager.class, cat);
            session.execute(text("UPDATE manager SET reports = 11 WHERE id = " + cat));
            session.execute(text("UPDATE employee SET title = 'ceo' WHERE id = " + cat));
            session.refresh(m);
            assertThat(m.reports).isEqualTo(11);
            assertThat(m.title).isEqualTo("ceo");
            session.execute(text("UPDATE manager SET reports = 12 WHERE id = " + cat));
            session.commit(); // expires
            assertThat(session.get(Person.class, cat)).isSameAs(m);
            assertThat(m.reports).isEqualTo(12);
        }
    }

    @Test
    void rollbackAndAFailedFlushForgetTheNewSubclassObjects() {
        try (Session session = sessions.openSession()) {
            session.add(new Manager("dan", "cto", 9));
            session.flush();
            session.rollback();
            assertThat(session.query(Manager.class).all())
                    .extracting(p -> p.name)
                    .containsExactly("cat");
            Employee dup = new Employee("eve", "clerk");
            dup.id = bob;
            session.add(dup);
            assertThatThrownBy(session::flush).isInstanceOf(IntegrityError.class);
            session.rollback();
            assertThat(session.query(Employee.class).count()).isEqualTo(2);
        }
    }

    @Test
    void relationshipsToTheBaseAndToASubclassLoadTheRightClasses() {
        try (Session session = sessions.openSession()) {
            Manager dan = new Manager("dan", "cto", 2);
            session.add(new Badge("b-1", dan)); // a new Manager behind a new Badge: inserted first
            session.add(new Badge("b-2", session.get(Person.class, cat)));
            session.commit();
        }
        try (Session session = sessions.openSession()) {
            assertThat(session.query(Badge.class).all())
                    .extracting(b -> b.code + " " + b.person.getClass().getSimpleName() + " " + b.person.name)
                    .containsExactlyInAnyOrder("b-1 Manager dan", "b-2 Manager cat");
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
    void bulkStatementsOfAJoinedClassAreRefused() {
        try (Session session = sessions.openSession()) {
            assertThatThrownBy(() -> session.bulkUpdate(EntitySelect.of(Employee.class), Map.of("title", "x")))
                    .isInstanceOf(InvalidRequestError.class)
                    .hasMessageContaining("joined-table inheritance");
        }
    }
}
