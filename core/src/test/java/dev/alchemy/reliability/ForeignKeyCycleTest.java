package dev.alchemy.reliability;

import static dev.alchemy.Alchemy.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.alchemy.engine.Connection;
import dev.alchemy.engine.Engine;
import dev.alchemy.engine.Row;
import dev.alchemy.exc.CircularDependencyError;
import dev.alchemy.orm.Base;
import dev.alchemy.orm.Column;
import dev.alchemy.orm.ForeignKey;
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
 * Two classes whose tables refer to each other: new objects that refer to each other in a cycle are written with
 * SQLAlchemy's {@code post_update} (INSERT, then an UPDATE of the cycle's key in the same flush) when the mapping asks
 * for it, and refused with {@link CircularDependencyError} before anything is written when it does not — never
 * committed with a foreign key silently left NULL.
 */
@OnDatabases
class ForeignKeyCycleTest {

    @Table(name = "employees")
    static class Employee {
        @Column(primaryKey = true)
        Integer id;

        @Column(nullable = false, length = 100)
        String name;

        @Column
        @ForeignKey("desks.id")
        Integer deskId;

        @Relationship
        Desk desk;

        Employee() {}

        Employee(String name) {
            this.name = name;
        }
    }

    @Table(name = "desks")
    static class Desk {
        @Column(primaryKey = true)
        Integer id;

        @Column(nullable = false, length = 100)
        String label;

        @Column
        @ForeignKey("employees.id")
        Integer ownerId;

        @Relationship(postUpdate = true)
        Employee owner;

        Desk() {}

        Desk(String label) {
            this.label = label;
        }
    }

    /** The same pair without {@code postUpdate}. */
    @Table(name = "pilots")
    static class Pilot {
        @Column(primaryKey = true)
        Integer id;

        @Column(nullable = false, length = 100)
        String name;

        @Column
        @ForeignKey("planes.id")
        Integer planeId;

        @Relationship
        Plane plane;

        Pilot() {}

        Pilot(String name) {
            this.name = name;
        }
    }

    @Table(name = "planes")
    static class Plane {
        @Column(primaryKey = true)
        Integer id;

        @Column(nullable = false, length = 100)
        String tail;

        @Column
        @ForeignKey("pilots.id")
        Integer captainId;

        @Relationship
        Pilot captain;

        Plane() {}

        Plane(String tail) {
            this.tail = tail;
        }
    }

    /** A tree whose parent reference is written after the rows, so a cycle among new nodes is allowed. */
    @Table(name = "nodes")
    static class Node {
        @Column(primaryKey = true)
        Integer id;

        @Column(nullable = false, length = 100)
        String name;

        @Column
        @ForeignKey("nodes.id")
        Integer nextId;

        @Relationship(postUpdate = true)
        Node next;

        Node() {}

        Node(String name) {
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
        Base.of(Employee.class, Desk.class, Pilot.class, Plane.class, Node.class)
                .metadata()
                .createAll(engine);
        sessions = new SessionFactory(engine);
    }

    @AfterEach
    void clean() {
        db.reset();
    }

    private List<List<Object>> rows(String sql) {
        try (Connection c = engine.connect()) {
            List<List<Object>> rows = new ArrayList<>();
            for (Row row : c.execute(text(sql))) {
                List<Object> values = new ArrayList<>();
                for (int i = 0; i < row.size(); i++) {
                    values.add(row.get(i) == null ? null : ((Object) row.get(i)).toString());
                }
                rows.add(values);
            }
            return rows;
        }
    }

    @Test
    void newObjectsReferringToEachOtherAreWrittenWithPostUpdate() {
        try (Session session = sessions.openSession()) {
            Employee emp = new Employee("Ada");
            Desk desk = new Desk("D1");
            emp.desk = desk;
            desk.owner = emp;
            session.add(emp);
            session.add(desk);
            session.commit();
            assertThat(desk.ownerId).isEqualTo(emp.id);
            assertThat(emp.deskId).isEqualTo(desk.id);
            assertThat(session.isModified(desk)).isFalse();
        }
        assertThat(
                        rows(
                                "SELECT e.name, d.label FROM employees e JOIN desks d ON d.owner_id = e.id AND e.desk_id = d.id"))
                .containsExactly(List.of("Ada", "D1"));
    }

    @Test
    void aCycleWithoutPostUpdateIsRefusedNamingTheClassesAndFieldsAndWritesNothing() {
        try (Session session = sessions.openSession()) {
            Pilot pilot = new Pilot("Amelia");
            Plane plane = new Plane("N1");
            pilot.plane = plane;
            plane.captain = pilot;
            session.add(pilot);
            assertThatThrownBy(session::commit)
                    .isInstanceOf(CircularDependencyError.class)
                    .hasMessageContaining("Pilot.plane")
                    .hasMessageContaining("Plane.captain")
                    .hasMessageContaining("postUpdate");
            session.rollback();
        }
        assertThat(rows("SELECT id FROM pilots")).isEmpty();
        assertThat(rows("SELECT id FROM planes")).isEmpty();
    }

    @Test
    void objectsOfTwoMutuallyReferringClassesWithoutACycleAmongThemAreOrderedPerObject() {
        try (Session session = sessions.openSession()) {
            Pilot chief = new Pilot("Chief");
            session.add(chief);
            session.commit();
            Plane plane = new Plane("N2");
            plane.captain = chief;
            Pilot rookie = new Pilot("Rookie");
            rookie.plane = plane;
            session.add(rookie);
            session.commit();
            assertThat(plane.captainId).isEqualTo(chief.id);
            assertThat(rookie.planeId).isEqualTo(plane.id);
        }
        assertThat(rows("SELECT p.name FROM pilots p JOIN planes a ON p.plane_id = a.id"))
                .containsExactly(List.of("Rookie"));
        assertThat(rows("SELECT p.name FROM pilots p JOIN planes a ON a.captain_id = p.id"))
                .containsExactly(List.of("Chief"));
    }

    @Test
    void aPostUpdateReferenceChangedLaterIsWrittenAndDeletingTheCycleClearsItFirst() {
        try (Session session = sessions.openSession()) {
            Employee emp = new Employee("Grace");
            Desk desk = new Desk("D2");
            emp.desk = desk;
            desk.owner = emp;
            session.add(emp);
            session.commit();

            Employee other = new Employee("Linus");
            desk.owner = other;
            session.add(other);
            session.commit();
            assertThat(rows("SELECT owner_id FROM desks")).containsExactly(List.of(String.valueOf(other.id)));

            session.delete(emp);
            session.delete(desk);
            session.delete(other);
            session.commit();
        }
        assertThat(rows("SELECT id FROM desks")).isEmpty();
        assertThat(rows("SELECT id FROM employees")).isEmpty();
    }

    @Test
    void aSelfReferentialRingIsWrittenWithPostUpdate() {
        try (Session session = sessions.openSession()) {
            Node a = new Node("a");
            Node b = new Node("b");
            Node c = new Node("c");
            a.next = b;
            b.next = c;
            c.next = a;
            session.add(a);
            session.commit();
        }
        assertThat(rows("SELECT n.name, m.name FROM nodes n JOIN nodes m ON n.next_id = m.id ORDER BY n.name"))
                .containsExactly(List.of("a", "b"), List.of("b", "c"), List.of("c", "a"));
    }
}
