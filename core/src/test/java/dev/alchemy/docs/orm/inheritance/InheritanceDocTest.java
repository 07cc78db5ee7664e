package dev.alchemy.docs.orm.inheritance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.alchemy.engine.Engine;
import dev.alchemy.orm.Base;
import dev.alchemy.orm.Session;
import dev.alchemy.orm.SessionFactory;
import dev.alchemy.orm.internal.mapping.Mapper;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The snippets of docs/orm.md's "Inheritance", run on SQLite. */
class InheritanceDocTest {

    Engine engine;
    SessionFactory sessions;

    @BeforeEach
    void setUp() {
        engine = Engine.create("jdbc:sqlite::memory:");
        Base.of(Company.class, Person.class, Invoice.class).metadata().createAll(engine);
        sessions = new SessionFactory(engine);
    }

    @AfterEach
    void tearDown() {
        engine.dispose();
    }

    @Test
    void queriesOfTheHierarchy() {
        try (Session session = sessions.openSession()) {
            Company acme = new Company();
            acme.name = "acme";
            Person ann = new Person();
            ann.name = "ann";
            Manager cat = new Manager();
            cat.name = "cat";
            cat.title = "boss";
            cat.reports = 3;
            acme.employees.add(cat);
            session.addAll(List.of(acme, ann, cat));
            session.commit();
            // tag::queries[]
            List<Person> everyone = session.query(Person.class).all(); // a Person and a Manager
            List<Employee> employees = session.query(Employee.class).all(); // WHERE person.type IN (...)
            Person seven = session.get(Person.class, cat.id); // the Manager
            // end::queries[]
            assertThat(everyone).hasSize(2);
            assertThat(employees).containsExactly(cat);
            assertThat(seven).isSameAs(cat);
            assertThat(cat.type).isEqualTo("manager");
        }
    }

    @Test
    void aMappedSuperclassesFieldsAreColumns() {
        assertThat(Mapper.of(Invoice.class).attributes())
                .extracting(a -> a.columnName())
                .containsExactly("id", "created_at", "version", "number");
        assertThat(Mapper.of(Invoice.class).hasGeneratedAccess()).isTrue();
        try (Session session = sessions.openSession()) {
            Invoice invoice = new Invoice();
            invoice.setNumber("A-1");
            invoice.setCreatedAt(LocalDateTime.of(2026, 12, 6, 3, 0));
            session.add(invoice);
            session.commit();
            assertThat(invoice.getId()).isNotNull();
            assertThat(invoice.getVersion()).isEqualTo(1L);
        }
    }
}
