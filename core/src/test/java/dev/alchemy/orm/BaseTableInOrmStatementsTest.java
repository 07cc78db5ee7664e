package dev.alchemy.orm;

import static dev.alchemy.Alchemy.select;
import static org.assertj.core.api.Assertions.assertThat;

import dev.alchemy.engine.Engine;
import dev.alchemy.orm.model.User;
import dev.alchemy.schema.Table;
import dev.alchemy.testing.OnDatabases;
import dev.alchemy.testing.TestDatabase;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;

/**
 * A mapped class's table is one table in SQL, whichever object names it: the columns of {@code base.table(User.class)}
 * (what docs/orm.md shows for Core statements) inside {@code select(User.class)} or a bulk statement give one FROM
 * entry. Before, the mapper's table and the Base's table were two objects, and mixing them gave {@code FROM users,
 * users} (an error on PostgreSQL, a cross join on SQLite).
 */
@OnDatabases
class BaseTableInOrmStatementsTest {

    @Parameter
    TestDatabase db;

    Engine engine;
    Base base;
    Table users;
    SessionFactory sessions;

    @BeforeEach
    void open() {
        engine = db.createEngine();
        base = Base.of(User.class);
        base.metadata().createAll(engine);
        users = base.table(User.class);
        sessions = new SessionFactory(engine);
        try (Session session = sessions.openSession()) {
            session.addAll(List.of(new User("ann", "ann@example.com"), new User("bob", "bob@example.com")));
            session.commit();
        }
    }

    @AfterEach
    void clean() {
        db.reset();
    }

    @Test
    void aBaseColumnInAnEntitySelectAddsNoSecondFrom() {
        EntitySelect<User> byName = select(User.class).where(users.c("name").eq("ann"));
        assertThat(byName.toString()).containsOnlyOnce("FROM users").doesNotContain("users, users");
        try (Session session = sessions.openSession()) {
            assertThat(session.scalars(byName).all()).extracting(u -> u.name).containsExactly("ann");
            assertThat(session.query(User.class)
                            .filter(users.c("email").like("%@example.com"))
                            .orderBy(users.c("name").desc())
                            .all())
                    .extracting(u -> u.name)
                    .containsExactly("bob", "ann");
        }
    }

    @Test
    void aBaseColumnInABulkUpdateAddsNoSecondTable() {
        try (Session session = sessions.openSession()) {
            long changed = session.query(User.class)
                    .filter(users.c("name").eq("bob"))
                    .update(Map.of("email", "robert@example.com"));
            session.commit();
            assertThat(changed).isEqualTo(1);
        }
        try (Session session = sessions.openSession()) {
            assertThat(session.query(User.class).filterBy("name", "bob").one().email)
                    .isEqualTo("robert@example.com");
            assertThat(session.query(User.class).filterBy("name", "ann").one().email)
                    .isEqualTo("ann@example.com");
        }
    }

    @Test
    void twoTableObjectsOfOneTableAreOneFromInCore() {
        Table again = Base.of(User.class).table(User.class); // another Base: another object, the same table
        String sql = dev.alchemy.Alchemy.select(users.c("name"))
                .where(again.c("id").gt(0))
                .toString();
        assertThat(sql).containsOnlyOnce("FROM users");
        assertThat(sql).doesNotContain("users, users");
    }
}
