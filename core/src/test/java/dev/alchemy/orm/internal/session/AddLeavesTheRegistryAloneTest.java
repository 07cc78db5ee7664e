package dev.alchemy.orm.internal.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.alchemy.Alchemy;
import dev.alchemy.engine.Engine;
import dev.alchemy.orm.Base;
import dev.alchemy.orm.ObjectState;
import dev.alchemy.orm.Session;
import dev.alchemy.orm.SessionFactory;
import dev.alchemy.orm.model.User;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Adding new objects (no primary key yet) never consults the factory's registry of detached objects: before, every
 * {@code add} asked the registry for its size, which indexed every batch registered since and swept the whole index,
 * so a loop of single adds after a large load cost a pass over every detached object per add.
 */
class AddLeavesTheRegistryAloneTest {

    @TempDir
    Path dir;

    Engine engine;
    SessionFactory factory;

    @BeforeEach
    void setUp() {
        engine = Alchemy.createEngine("sqlite:///" + dir.resolve("registry.db"));
        Base.of(User.class).metadata().createAll(engine);
        factory = new SessionFactory(engine);
    }

    @AfterEach
    void tearDown() {
        engine.dispose();
    }

    @Test
    void addingNewObjectsLeavesTheClosedSessionsBatchesUnindexed() {
        List<User> loaded;
        try (Session session = factory.openSession()) {
            for (int i = 0; i < 100; i++) {
                session.add(new User("u" + i, null));
            }
            session.commit();
            loaded = session.query(User.class).all();
        }
        try (Session session = factory.openSession()) {
            DetachedStates registry = ((SessionImpl) session).detached;
            assertThat(registry.pendingBatches()).isEqualTo(1);

            for (int i = 0; i < 10; i++) {
                session.add(new User("new" + i, null));
            }

            assertThat(registry.pendingBatches())
                    .as("the batch of the closed session is still waiting, never indexed by an add of new objects")
                    .isEqualTo(1);
            // a detached object is still recognised, which is when the batch is indexed
            assertThat(session.stateOf(loaded.get(0))).isEqualTo(ObjectState.DETACHED);
            session.add(loaded.get(0));
            assertThat(session.stateOf(loaded.get(0))).isEqualTo(ObjectState.PERSISTENT);
            assertThat(registry.pendingBatches()).isZero();
            session.commit();
        }
        try (Session session = factory.openSession()) {
            assertThat(session.query(User.class).all()).hasSize(110);
        }
        assertThat(new ArrayList<>(loaded)).hasSize(100); // kept alive until here, so the registry could find them
    }
}
