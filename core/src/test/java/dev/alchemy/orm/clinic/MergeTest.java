package dev.alchemy.orm.clinic;

import static dev.alchemy.Alchemy.where;
import static org.assertj.core.api.Assertions.assertThat;

import dev.alchemy.engine.Engine;
import dev.alchemy.engine.StatementEvent;
import dev.alchemy.orm.Load;
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
 * {@code merge()} of a graph edited while detached, as a web form's save does: it flushes what was pending once, then
 * merges with autoflush off, as SQLAlchemy's {@code Session.merge} does, so that each edited object is written by
 * one UPDATE at the next flush. Seen on main: every {@code get} inside the merge autoflushed, and one edited owner
 * was written as two UPDATEs with a SELECT between them.
 */
@OnDatabases
class MergeTest {

    @Parameter
    TestDatabase db;

    Engine engine;
    SessionFactory sessions;
    final List<String> statements = new CopyOnWriteArrayList<>();

    @BeforeEach
    void setUp() {
        engine = db.createEngine();
        sessions = Clinic.create(engine);
    }

    @AfterEach
    void tearDown() {
        db.reset();
    }

    private Owner detachedDavis() {
        try (Session session = sessions.openSession()) {
            return session.query(Owner.class)
                    .filter(where(Owner::getLastName).eq("Davis"))
                    .options(Load.selectin(Owner.class, "pets"))
                    .one();
        }
    }

    private List<String> writes() {
        return statements.stream()
                .filter(s -> s.startsWith("UPDATE") || s.startsWith("INSERT") || s.startsWith("DELETE"))
                .toList();
    }

    @Test
    void anEditedDetachedGraphIsWrittenOnceEachObject() {
        Owner davis = detachedDavis();
        davis.setCity("Madison");
        davis.getPets().get(0).setName(davis.getPets().get(0).getName() + " II");
        engine.addStatementListener((StatementEvent e) -> statements.add(e.sql()));
        try (Session session = sessions.openSession()) {
            Owner merged = session.merge(davis);
            assertThat(writes()).as("merge itself writes nothing").isEmpty();
            session.commit();
            assertThat(merged.getCity()).isEqualTo("Madison");
        }
        assertThat(writes())
                .hasSize(2)
                .anySatisfy(s -> assertThat(s).startsWith("UPDATE owners"))
                .anySatisfy(s -> assertThat(s).startsWith("UPDATE pets"));
        try (Session session = sessions.openSession()) {
            Owner stored = session.query(Owner.class)
                    .filter(where(Owner::getLastName).eq("Davis"))
                    .one();
            assertThat(stored.getCity()).isEqualTo("Madison");
            assertThat(stored.getPets()).extracting(Pet::getName).contains("Basil II");
        }
    }

    @Test
    void pendingChangesAreFlushedOnceBeforeTheMerge() {
        Owner davis = detachedDavis();
        davis.setCity("Madison");
        try (Session session = sessions.openSession()) {
            Owner franklin = session.query(Owner.class)
                    .filter(where(Owner::getLastName).eq("Franklin"))
                    .one();
            franklin.setCity("Monona");
            engine.addStatementListener((StatementEvent e) -> statements.add(e.sql()));
            session.merge(davis);
            assertThat(writes())
                    .as("the pending change is flushed before the merge, as SQLAlchemy does")
                    .singleElement()
                    .satisfies(s -> assertThat(s).startsWith("UPDATE owners"));
            session.commit();
        }
        assertThat(writes()).hasSize(2);
    }
}
