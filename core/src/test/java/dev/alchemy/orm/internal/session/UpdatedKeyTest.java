package dev.alchemy.orm.internal.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.alchemy.Alchemy;
import dev.alchemy.engine.Engine;
import dev.alchemy.orm.Base;
import dev.alchemy.orm.Session;
import dev.alchemy.orm.SessionFactory;
import dev.alchemy.orm.model.User;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * After an UPDATE the identity map keys the object by its key as written: unchanged when only other columns changed
 * (the key's values are compared by reference, not read), moved when the primary key itself changed.
 */
class UpdatedKeyTest {

    @TempDir
    Path dir;

    Engine engine;
    SessionFactory factory;

    @BeforeEach
    void setUp() {
        engine = Alchemy.createEngine("sqlite:///" + dir.resolve("keys.db"));
        Base.of(User.class).metadata().createAll(engine);
        factory = new SessionFactory(engine);
        try (Session session = factory.openSession()) {
            User u = new User("ada", "ada@example.com");
            u.id = 1;
            session.add(u);
            session.commit();
        }
    }

    @AfterEach
    void tearDown() {
        engine.dispose();
    }

    @Test
    void anUpdateOfOtherColumnsKeepsTheObjectUnderItsKey() {
        try (Session session = factory.openSession()) {
            User u = session.get(User.class, 1);
            u.email = "ada@lovelace.org";
            session.flush();
            assertThat(session.get(User.class, 1)).isSameAs(u);
        }
    }

    @Test
    void anUpdateOfThePrimaryKeyMovesTheObjectToItsNewKey() {
        try (Session session = factory.openSession()) {
            User u = session.get(User.class, 1);
            u.id = 2;
            session.flush();
            assertThat(session.get(User.class, 2)).isSameAs(u);
            assertThat(session.get(User.class, 1)).isNull();
            session.commit();
        }
        try (Session session = factory.openSession()) {
            assertThat(session.get(User.class, 2).name).isEqualTo("ada");
        }
    }

    @Test
    void anEqualKeyInAnotherObjectIsNoChange() {
        try (Session session = factory.openSession()) {
            User big = new User("grace", null);
            big.id = 1000; // outside Integer's cache: parsing it again gives another object
            session.add(big);
            session.commit();
        }
        try (Session session = factory.openSession()) {
            User u = session.get(User.class, 1000);
            Integer same = Integer.parseInt("1000");
            assertThat(same).isNotSameAs(u.id).isEqualTo(u.id);
            u.id = same;
            u.name = "grace h.";
            session.flush();
            assertThat(session.get(User.class, 1000)).isSameAs(u);
            session.commit();
        }
        try (Session session = factory.openSession()) {
            assertThat(session.get(User.class, 1000).name).isEqualTo("grace h.");
        }
    }
}
