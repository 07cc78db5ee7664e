package dev.alchemy.boot.autoconfigure.inheritance.joined;

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
 * A joined-table hierarchy in a Spring application: the starter's scan finds the three classes, creates a table per
 * class, and @Transactional services save, query, change, roll back and delete them through the shared Session; the
 * rows land in the tables of each class.
 */
@SpringBootTest(classes = JoinedInheritanceApplicationTest.App.class)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class JoinedInheritanceApplicationTest {

    @TempDir
    static Path dir;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("alchemy.url", () -> "sqlite:///" + dir.resolve("joined.db"));
        registry.add("alchemy.models.packages", () -> Vehicle.class.getPackageName());
    }

    @Autowired
    Garage garage;

    @Autowired
    JdbcTemplate jdbc;

    private int count(String table) {
        Integer n = jdbc.queryForObject("SELECT count(*) FROM " + table, Integer.class);
        return n == null ? -1 : n;
    }

    @Test
    void servicesSaveQueryChangeAndDeleteEveryClass() {
        Long sportsId = garage.park();
        assertThat(count("vehicles")).isEqualTo(3);
        assertThat(count("cars")).isEqualTo(2);
        assertThat(count("sports_cars")).isEqualTo(1);
        assertThat(garage.plates(Vehicle.class)).containsExactly("B-1 Vehicle", "C-2 Car", "S-3 SportsCar");
        assertThat(garage.plates(Car.class)).containsExactly("C-2 Car", "S-3 SportsCar");
        assertThat(garage.topSpeedOf(sportsId)).isEqualTo(300);

        assertThatThrownBy(() -> garage.tuneThenFail(sportsId)).isInstanceOf(IllegalStateException.class);
        assertThat(garage.topSpeedOf(sportsId)).isEqualTo(300); // rolled back
        garage.tune(sportsId);
        assertThat(garage.topSpeedOf(sportsId)).isEqualTo(310);
        assertThat(jdbc.queryForObject("SELECT version FROM vehicles WHERE id = ?", Integer.class, sportsId))
                .isEqualTo(2);

        garage.scrap(sportsId);
        assertThat(count("sports_cars")).isZero();
        assertThat(count("cars")).isEqualTo(1);
        assertThat(count("vehicles")).isEqualTo(2);
    }

    @Service
    static class Garage {
        private final Session session;

        Garage(Session session) {
            this.session = session;
        }

        @Transactional
        Long park() {
            SportsCar s = new SportsCar("S-3", 300);
            session.addAll(List.of(new Vehicle("B-1"), new Car("C-2", 5), s));
            session.flush();
            return s.id;
        }

        @Transactional(readOnly = true)
        List<String> plates(Class<? extends Vehicle> type) {
            return session.query(type).all().stream()
                    .map(v -> v.plate + " " + v.getClass().getSimpleName())
                    .sorted()
                    .toList();
        }

        @Transactional(readOnly = true)
        int topSpeedOf(Long id) {
            return ((SportsCar) session.get(Vehicle.class, id)).topSpeed;
        }

        @Transactional
        void tune(Long id) {
            session.get(SportsCar.class, id).topSpeed += 10;
        }

        @Transactional
        void tuneThenFail(Long id) {
            tune(id);
            session.flush();
            throw new IllegalStateException("engine blown");
        }

        @Transactional
        void scrap(Long id) {
            session.delete(session.get(Vehicle.class, id));
        }
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import(Garage.class)
    static class App {}
}
