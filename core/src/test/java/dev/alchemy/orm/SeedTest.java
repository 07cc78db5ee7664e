package dev.alchemy.orm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.alchemy.Alchemy;
import dev.alchemy.dialect.Dialect;
import dev.alchemy.engine.Connection;
import dev.alchemy.engine.Engine;
import dev.alchemy.engine.StatementEvent;
import dev.alchemy.exc.CompileError;
import dev.alchemy.orm.model.User;
import dev.alchemy.schema.DDL;
import dev.alchemy.testing.OnDatabases;
import dev.alchemy.testing.TestDatabase;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;

/**
 * The seed page, line for line, with the SQL it sends, on SQLite, PostgreSQL and MariaDB. On MariaDB the seed's
 * model as written ({@code Column(String)}, no length) is a {@link CompileError}, as in SQLAlchemy; the seed then
 * runs with the one change docs/mysql.md asks for, a length on each string.
 */
@OnDatabases
class SeedTest {

    /** The seed's model exactly as the seed page writes it: {@code name = Column(String)}. */
    @dev.alchemy.orm.Table(name = "users")
    public static class SeedUser {
        @dev.alchemy.orm.Column(primaryKey = true)
        public Integer id;

        @dev.alchemy.orm.Column
        public String name;

        @dev.alchemy.orm.Column
        public String email;

        public SeedUser() {}

        public SeedUser(String name, String email) {
            this.name = name;
            this.email = email;
        }
    }

    @Parameter
    TestDatabase db;

    Engine engine;
    final List<String> sql = new CopyOnWriteArrayList<>();

    @BeforeEach
    void setUp() {
        engine = db.createEngine();
        engine.addStatementListener((StatementEvent e) -> sql.add(e.sql()));
    }

    @AfterEach
    void tearDown() {
        db.reset();
    }

    /**
     * SQLAlchemy's DDL for the seed's model: Integer key as the rowid alias on SQLite, SERIAL on PostgreSQL,
     * AUTO_INCREMENT and InnoDB on MariaDB (with the lengths MySQL needs).
     */
    private String createUsers() {
        if (db.isMariadb()) {
            return "CREATE TABLE users (\n\tid INTEGER NOT NULL AUTO_INCREMENT, \n\tname VARCHAR(100), "
                    + "\n\temail VARCHAR(100), \n\tPRIMARY KEY (id)\n)ENGINE=InnoDB";
        }
        String id = db.isSqlite() ? "INTEGER" : "SERIAL";
        return "CREATE TABLE users (\n\tid " + id
                + " NOT NULL, \n\tname VARCHAR, \n\temail VARCHAR, \n\tPRIMARY KEY (id)\n)";
    }

    @Test
    void theSeedRunsLineForLine() {
        if (db.isMariadb()) {
            // SQLAlchemy: "VARCHAR requires a length on dialect mysql"; raised before anything reaches the server
            assertThatThrownBy(() -> Base.of(SeedUser.class).metadata().createAll(engine))
                    .isInstanceOf(CompileError.class)
                    .hasMessageContaining("'users.name'")
                    .hasMessageContaining("length");
            assertThat(sql).noneMatch(s -> s.startsWith("CREATE"));
            runSeed(User.class, User::new, u -> u.id, (u, email) -> u.email = email);
        } else {
            runSeed(SeedUser.class, SeedUser::new, u -> u.id, (u, email) -> u.email = email);
        }
    }

    private <U> void runSeed(
            Class<U> model,
            BiFunction<String, String, U> newUser,
            Function<U, Integer> id,
            BiConsumer<U, String> setEmail) {
        Base base = Base.of(model);
        base.metadata().createAll(engine);
        assertThat(sql).contains(createUsers());
        assertThat(DDL.createTableSql(base.table(model), Dialect.of(engine))).isEqualTo(createUsers());

        SessionFactory sessionFactory = new SessionFactory(engine);
        try (Session session = sessionFactory.openSession()) {
            sql.clear();
            U created = newUser.apply("Alice", "alice@example.com");
            session.add(created);
            session.commit();
            // MariaDB 10.5+ has INSERT ... RETURNING, as SQLAlchemy's mariadb dialect uses it
            assertThat(sql).containsExactly("INSERT INTO users (name, email) VALUES (?, ?) RETURNING id");
            assertThat(id.apply(created)).isEqualTo(1);

            sql.clear();
            List<U> users = session.query(model).all();
            assertThat(users).containsExactly(created);
            assertThat(sql).containsExactly("SELECT users.id, users.name, users.email \nFROM users");

            sql.clear();
            U user = session.query(model).filterBy("name", "Alice").first();
            assertThat(user).isSameAs(created);
            // SQLAlchemy's SQLite compiler always pairs LIMIT with OFFSET; PostgreSQL's and MySQL's write LIMIT
            // alone, after " \n" (reference §2.9)
            assertThat(sql)
                    .containsExactly("SELECT users.id, users.name, users.email \nFROM users \nWHERE users.name = ?"
                            + (db.isSqlite() ? "\n LIMIT ? OFFSET ?" : " \n LIMIT ?"));

            sql.clear();
            setEmail.accept(user, "alice@newdomain.com");
            session.commit();
            assertThat(sql).containsExactly("UPDATE users SET email=? WHERE users.id = ?");

            sql.clear();
            session.delete(user);
            session.commit();
            assertThat(sql).containsExactly("DELETE FROM users WHERE users.id = ?");
            assertThat(session.query(model).all()).isEmpty();
        }
    }

    @Test
    void theDatabaseHoldsWhatSqlalchemyWouldAfterEachStep() {
        Base.of(User.class).metadata().createAll(engine);
        SessionFactory sessionFactory = new SessionFactory(engine);
        try (Session session = sessionFactory.openSession()) {
            session.add(new User("Alice", "alice@example.com"));
            session.commit();
            assertThat(rows()).containsExactly("1|Alice|alice@example.com");
            User user = session.query(User.class).filterBy("name", "Alice").first();
            user.email = "alice@newdomain.com";
            session.commit();
            assertThat(rows()).containsExactly("1|Alice|alice@newdomain.com");
            session.delete(user);
            session.commit();
            assertThat(rows()).isEmpty();
        }
    }

    private List<String> rows() {
        String row = db.concat("id", "'|'", "name", "'|'", "email");
        try (Connection conn = engine.connect()) {
            return conn.execute(Alchemy.text("SELECT " + row + " FROM users ORDER BY id"))
                    .scalars(String.class);
        }
    }
}
