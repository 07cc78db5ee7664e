package dev.alchemy.orm;

import static dev.alchemy.Alchemy.column;
import static org.assertj.core.api.Assertions.assertThat;

import dev.alchemy.engine.Engine;
import dev.alchemy.orm.model.ClashRow;
import dev.alchemy.orm.model.ClashVersioned;
import dev.alchemy.testing.OnDatabases;
import dev.alchemy.testing.TestDatabase;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;

/**
 * A flush's UPDATE names its SET parameters after their columns and its WHERE parameters after the key ({@code
 * pk_id}) and the version's old value ({@code version_version}). A table may well have a column of either name (a
 * legacy schema's {@code pk_id}): its new value must then go into the row of the object's own key, never bind in
 * place of the key and land in another row, nor in place of the version and fail as a conflict.
 */
@OnDatabases
class ParameterNameClashTest {

    @Parameter
    TestDatabase db;

    Engine engine;
    SessionFactory sessions;

    @BeforeEach
    void setUp() {
        engine = db.createEngine();
        Base.of(ClashRow.class, ClashVersioned.class).metadata().createAll(engine);
        sessions = new SessionFactory(engine);
    }

    @AfterEach
    void tearDown() {
        db.reset();
    }

    @Test
    void aColumnNamedLikeTheKeysParameterIsWrittenToItsOwnRow() {
        try (Session session = sessions.openSession()) {
            session.addAll(List.of(new ClashRow(1, 10), new ClashRow(2, 20)));
            session.commit();
        }
        try (Session session = sessions.openSession()) {
            session.get(ClashRow.class, 1).pkId = 2; // the new value is another row's key
            session.commit();
        }
        try (Session session = sessions.openSession()) {
            assertThat(session.query(ClashRow.class)
                            .orderBy(column(ClashRow.class, "id"))
                            .all())
                    .extracting(r -> r.id + ":" + r.pkId)
                    .containsExactly("1:2", "2:20");
        }
    }

    @Test
    void aColumnNamedLikeTheKeysParameterIsDeletedByItsOwnRow() {
        try (Session session = sessions.openSession()) {
            session.addAll(List.of(new ClashRow(1, 2), new ClashRow(2, 1)));
            session.commit();
        }
        try (Session session = sessions.openSession()) {
            session.delete(session.get(ClashRow.class, 1));
            session.commit();
        }
        try (Session session = sessions.openSession()) {
            assertThat(session.query(ClashRow.class).all())
                    .extracting(r -> r.id + ":" + r.pkId)
                    .containsExactly("2:1");
        }
    }

    @Test
    void aColumnNamedLikeTheVersionsParameterIsNotTakenForTheVersion() {
        try (Session session = sessions.openSession()) {
            session.addAll(List.of(new ClashVersioned(1, 10), new ClashVersioned(2, 20)));
            session.commit();
        }
        try (Session session = sessions.openSession()) {
            session.get(ClashVersioned.class, 1).versionVersion = 99;
            session.commit(); // a version check against 99 would match no row and fail as a conflict
        }
        try (Session session = sessions.openSession()) {
            assertThat(session.query(ClashVersioned.class)
                            .orderBy(column(ClashVersioned.class, "id"))
                            .all())
                    .extracting(r -> r.id + ":" + r.version + ":" + r.versionVersion)
                    .containsExactly("1:2:99", "2:1:20");
        }
    }
}
