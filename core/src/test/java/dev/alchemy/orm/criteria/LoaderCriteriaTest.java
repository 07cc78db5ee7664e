package dev.alchemy.orm.criteria;

import static dev.alchemy.Alchemy.text;
import static org.assertj.core.api.Assertions.assertThat;

import dev.alchemy.engine.Connection;
import dev.alchemy.engine.Engine;
import dev.alchemy.orm.Base;
import dev.alchemy.orm.EntitySelect;
import dev.alchemy.orm.Load;
import dev.alchemy.orm.Session;
import dev.alchemy.orm.SessionFactory;
import dev.alchemy.testing.OnDatabases;
import dev.alchemy.testing.TestDatabase;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;

/**
 * Loader criteria (SQLAlchemy's with_loader_criteria): a tenant taken from a ThreadLocal and a soft-delete flag, given
 * to every SELECT of the classes that carry them, relationship loads included, with a way past them.
 */
@OnDatabases
class LoaderCriteriaTest {

    @Parameter
    TestDatabase db;

    Engine engine;
    Base base;
    SessionFactory sessions;
    Project alpha;
    Project beta;
    Project empty;

    @BeforeEach
    void setUp() {
        engine = db.createEngine();
        base = Base.of(Project.class, Task.class);
        base.metadata().createAll(engine);
        sessions = new SessionFactory(engine)
                .withLoaderCriteria(TenantOwned.class, table -> {
                    String tenant = Tenants.current();
                    return tenant == null ? null : table.c("tenant_id").eq(tenant); // no tenant: an administrator
                })
                .withLoaderCriteria(
                        SoftDeleted.class, table -> table.c("deleted").eq(false));
        alpha = new Project("a", "alpha", new Task("a1", false), new Task("a2 (deleted)", true));
        beta = new Project("b", "beta", new Task("b1", false));
        empty = new Project("a", "empty", new Task("e1 (deleted)", true));
        try (Session session = sessions.openSession()) {
            session.addAll(List.of(alpha, beta, empty));
            session.commit();
        }
    }

    @AfterEach
    void tearDown() {
        Tenants.set(null);
        db.reset();
    }

    private static List<String> titles(Project p) {
        return p.tasks.stream().map(t -> t.title).toList();
    }

    @Test
    void queriesGetCountAndExistsSeeOnlyTheCurrentTenantsRows() {
        Tenants.set("a");
        try (Session session = sessions.openSession()) {
            assertThat(session.query(Project.class).all())
                    .extracting(p -> p.name)
                    .containsExactlyInAnyOrder("alpha", "empty");
            assertThat(session.scalars(EntitySelect.of(Project.class)).all()).hasSize(2);
            assertThat(session.get(Project.class, beta.id)).isNull();
            assertThat(session.get(Project.class, alpha.id)).isNotNull();
            assertThat(session.query(Project.class).count()).isEqualTo(2);
            assertThat(session.query(Project.class).filterBy("name", "beta").exists())
                    .isFalse();
            assertThat(session.query(Task.class).all()).extracting(t -> t.title).containsExactly("a1");
        }
        Tenants.set("b");
        try (Session session = sessions.openSession()) {
            assertThat(session.query(Project.class).all())
                    .extracting(p -> p.name)
                    .containsExactly("beta");
            assertThat(session.get(Project.class, alpha.id)).isNull();
        }
    }

    @Test
    void lazySelectinAndJoinedRelationshipLoadsLeaveOutTheRowsTheCriteriaExclude() {
        Tenants.set("a");
        try (Session session = sessions.openSession()) {
            Project lazy = session.get(Project.class, alpha.id);
            assertThat(titles(lazy)).containsExactly("a1");
        }
        try (Session session = sessions.openSession()) {
            List<Project> projects = session.query(Project.class)
                    .options(Load.selectin(Project.class, "tasks"))
                    .orderBy(base.table(Project.class).c("name"))
                    .all();
            assertThat(projects).extracting(LoaderCriteriaTest::titles).containsExactly(List.of("a1"), List.of());
        }
        try (Session session = sessions.openSession()) {
            List<Project> projects = session.query(Project.class)
                    .options(Load.joined(Project.class, "tasks"))
                    .all();
            // the criteria join the ON clause: the project whose only task is deleted still loads, without it
            assertThat(projects)
                    .extracting(p -> p.name + " " + titles(p))
                    .containsExactlyInAnyOrder("alpha [a1]", "empty []");
        }
        try (Session session = sessions.openSession()) {
            Task task = session.query(Task.class).one();
            assertThat(task.project.name).isEqualTo("alpha"); // a many-to-one through the criteria too
        }
    }

    @Test
    void withoutLoaderCriteriaAndAnAbsentTenantReadPastThem() {
        Tenants.set("a");
        try (Session session = sessions.openSession()) {
            assertThat(session.query(Project.class).withoutLoaderCriteria().count())
                    .isEqualTo(3);
            assertThat(session.query(Task.class).withoutLoaderCriteria().all()).hasSize(4);
            assertThat(session.scalars(EntitySelect.of(Task.class).withoutLoaderCriteria())
                            .all())
                    .hasSize(4);
        }
        Tenants.set(null); // the TenantOwned criteria return null: only the soft delete applies
        try (Session session = sessions.openSession()) {
            assertThat(session.query(Project.class).count()).isEqualTo(3);
            assertThat(session.query(Task.class).all()).extracting(t -> t.title).containsExactlyInAnyOrder("a1", "b1");
        }
    }

    @Test
    void bulkUpdateAndDeleteStayWithinTheCriteria() {
        Tenants.set("b");
        try (Session session = sessions.openSession()) {
            assertThat(session.query(Task.class).update(Map.of("title", "renamed")))
                    .isEqualTo(1);
            assertThat(session.query(Task.class).delete()).isEqualTo(1);
            session.commit();
        }
        try (Connection conn = engine.connect()) {
            assertThat(conn.execute(text("SELECT title FROM tasks ORDER BY title"))
                            .scalars())
                    .containsExactly("a1", "a2 (deleted)", "e1 (deleted)");
        }
    }
}
