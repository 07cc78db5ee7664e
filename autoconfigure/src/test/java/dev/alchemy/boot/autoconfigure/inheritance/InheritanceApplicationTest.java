package dev.alchemy.boot.autoconfigure.inheritance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.alchemy.orm.Session;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.annotation.Transactional;

/**
 * A hierarchy in a Spring application: the starter's scan finds the base (the subclasses come with it), creates the
 * one table, and @Transactional services save and query the classes through the shared Session.
 */
@SpringBootTest(classes = InheritanceApplicationTest.App.class)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class InheritanceApplicationTest {

    @TempDir
    static Path dir;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("alchemy.url", () -> "sqlite:///" + dir.resolve("inheritance.db"));
        registry.add("alchemy.models.packages", () -> Staff.class.getPackageName());
    }

    @Autowired
    People people;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void servicesSaveAndQueryEveryClassOfTheHierarchy() {
        Long leadId = people.hire();
        assertThat(people.names(Staff.class)).containsExactly("Ann Staff", "Bob Engineer", "Cy Lead");
        assertThat(people.names(Engineer.class)).containsExactly("Bob Engineer", "Cy Lead");
        assertThat(people.teamSizeOf(leadId)).isEqualTo(4);
        assertThat(jdbc.queryForList("SELECT kind FROM staff ORDER BY name", String.class))
                .containsExactly("staff", "engineer", "lead");
        assertThatThrownBy(() -> people.promoteThenFail(leadId)).isInstanceOf(IllegalStateException.class);
        assertThat(people.teamSizeOf(leadId)).isEqualTo(4); // rolled back
        people.promote(leadId);
        assertThat(people.teamSizeOf(leadId)).isEqualTo(5);
        assertThat(jdbc.queryForObject("SELECT version FROM staff WHERE id = ?", Integer.class, leadId))
                .isEqualTo(2);
    }

    @Service
    static class People {
        private final Session session;

        People(Session session) {
            this.session = session;
        }

        @Transactional
        Long hire() {
            Lead cy = new Lead("Cy", "java", 4);
            session.addAll(List.of(new Staff("Ann"), new Engineer("Bob", "sql"), cy));
            session.flush();
            return cy.id;
        }

        @Transactional(readOnly = true)
        List<String> names(Class<? extends Staff> type) {
            return session.query(type).all().stream()
                    .map(s -> s.name + " " + s.getClass().getSimpleName())
                    .sorted()
                    .toList();
        }

        @Transactional(readOnly = true)
        Integer teamSizeOf(Long id) {
            return ((Lead) session.get(Staff.class, id)).teamSize;
        }

        @Transactional
        void promote(Long id) {
            session.get(Lead.class, id).teamSize++;
        }

        @Transactional
        void promoteThenFail(Long id) {
            promote(id);
            session.flush();
            throw new IllegalStateException("no budget");
        }
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import(People.class)
    static class App {}
}
