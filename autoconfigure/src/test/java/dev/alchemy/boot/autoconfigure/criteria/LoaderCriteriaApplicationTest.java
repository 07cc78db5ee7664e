package dev.alchemy.boot.autoconfigure.criteria;

import static org.assertj.core.api.Assertions.assertThat;

import dev.alchemy.boot.autoconfigure.SessionFactoryCustomizer;
import dev.alchemy.orm.Session;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.annotation.Transactional;

/**
 * Loader criteria in a Spring application (issue 23's "in the starter"): a {@code SessionFactoryCustomizer} bean gives
 * the auto-configured factory a soft-delete condition and a tenant condition read from a ThreadLocal (what a request
 * filter would set), and every query, {@code get} and count of the {@code @Transactional} services obeys them; an
 * administrator's view goes past them with {@code withoutLoaderCriteria()}.
 */
@SpringBootTest(classes = LoaderCriteriaApplicationTest.App.class)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class LoaderCriteriaApplicationTest {

    @TempDir
    static Path dir;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("alchemy.url", () -> "sqlite:///" + dir.resolve("criteria.db"));
        registry.add("alchemy.models.packages", () -> Note.class.getPackageName());
    }

    @Autowired
    Notes notes;

    @Autowired
    JdbcTemplate jdbc;

    @AfterEach
    void clear() {
        Tenant.CURRENT.remove();
    }

    @Test
    void servicesSeeTheirTenantsLiveRowsOnly() {
        Long acmeSecret = Tenant.as("acme", () -> {
            notes.write("acme plan");
            return notes.write("acme secret");
        });
        Long globexPlan = Tenant.as("globex", () -> notes.write("globex plan"));

        Tenant.as("acme", () -> notes.softDelete(acmeSecret));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM tenant_notes", Integer.class))
                .isEqualTo(3); // soft: the row stays

        assertThat(Tenant.as("acme", notes::texts)).containsExactly("acme plan");
        assertThat(Tenant.as("acme", notes::count)).isEqualTo(1);
        assertThat(Tenant.as("acme", () -> notes.find(acmeSecret))).isNull(); // deleted
        assertThat(Tenant.as("acme", () -> notes.find(globexPlan))).isNull(); // another tenant's
        assertThat(Tenant.as("globex", notes::texts)).containsExactly("globex plan");
        // past the criteria, for an administrator
        assertThat(notes.everything()).containsExactly("acme plan", "acme secret", "globex plan");
    }

    /** The tenant of the current request, as a servlet filter would set it. */
    static final class Tenant {
        static final ThreadLocal<String> CURRENT = new ThreadLocal<>();

        static <T> T as(String tenant, Supplier<T> work) {
            CURRENT.set(tenant);
            try {
                return work.get();
            } finally {
                CURRENT.remove();
            }
        }
    }

    @Service
    static class Notes {
        private final Session session;

        Notes(Session session) {
            this.session = session;
        }

        @Transactional
        @Nullable
        Long write(String text) {
            Note note = new Note(Tenant.CURRENT.get(), text);
            session.add(note);
            session.flush();
            return note.id;
        }

        @Transactional
        Void softDelete(Long id) {
            Note note = session.get(Note.class, id);
            if (note != null) {
                note.deleted = true;
            }
            return null;
        }

        @Transactional(readOnly = true)
        List<String> texts() {
            return session.query(Note.class).all().stream()
                    .map(n -> n.text)
                    .sorted()
                    .toList();
        }

        @Transactional(readOnly = true)
        Long count() {
            return session.query(Note.class).count();
        }

        @Transactional(readOnly = true)
        @Nullable
        Note find(Long id) {
            return session.get(Note.class, id);
        }

        @Transactional(readOnly = true)
        List<String> everything() {
            return session.query(Note.class).withoutLoaderCriteria().all().stream()
                    .map(n -> n.text)
                    .sorted()
                    .toList();
        }
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import(Notes.class)
    static class App {
        @Bean
        SessionFactoryCustomizer softDeleteAndTenants() {
            return factory -> factory.withLoaderCriteria(
                            Note.class, table -> table.c("deleted").eq(false))
                    .withLoaderCriteria(Note.class, table -> {
                        String tenant = Tenant.CURRENT.get();
                        return tenant == null ? null : table.c("tenant").eq(tenant); // no tenant: no condition
                    });
        }
    }
}
