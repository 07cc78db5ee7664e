package dev.alchemy.orm;

import static dev.alchemy.Alchemy.column;
import static dev.alchemy.Alchemy.select;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.alchemy.engine.Engine;
import dev.alchemy.exc.ArgumentError;
import dev.alchemy.orm.model.User;
import dev.alchemy.testing.OnDatabases;
import dev.alchemy.testing.TestDatabase;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;

/** Selecting columns gives rows, projectable into records. */
@OnDatabases
class ProjectionTest {

    record UserView(int id, String name) {}

    record Positional(long a, String b) {}

    record Wrong(int x, int y, int z) {}

    @Parameter
    TestDatabase db;

    Engine engine;
    Session session;

    @BeforeEach
    void setUp() {
        engine = db.createEngine();
        Base.of(User.class).metadata().createAll(engine);
        session = new SessionFactory(engine).openSession();
        session.addAll(List.of(new User("Alice", "a@x"), new User("Bob", "b@x")));
        session.commit();
    }

    @AfterEach
    void tearDown() {
        session.close();
        db.reset();
    }

    @Test
    void rowsIntoRecordsByNameOrPosition() {
        var id = column(User.class, "id");
        var name = column(User.class, "name");
        assertThat(session.execute(select(id, name).orderBy(id)).into(UserView.class))
                .containsExactly(new UserView(1, "Alice"), new UserView(2, "Bob"));
        assertThat(session.execute(select(name.label("name"), id.label("ID")).orderBy(id))
                        .into(UserView.class))
                .containsExactly(new UserView(1, "Alice"), new UserView(2, "Bob")); // by name, whatever the order
        assertThat(session.execute(select(id, name).orderBy(id)).into(Positional.class))
                .containsExactly(new Positional(1, "Alice"), new Positional(2, "Bob"));
        assertThatThrownBy(() -> session.execute(select(id, name)).into(Wrong.class))
                .isInstanceOf(ArgumentError.class)
                .hasMessageContaining("cannot fill Wrong[x, y, z] from columns [id, name]");
    }
}
