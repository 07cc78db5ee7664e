package dev.alchemy.sql;

import static dev.alchemy.Alchemy.count;
import static dev.alchemy.Alchemy.delete;
import static dev.alchemy.Alchemy.insert;
import static dev.alchemy.Alchemy.inspect;
import static dev.alchemy.Alchemy.select;
import static dev.alchemy.Alchemy.update;
import static dev.alchemy.types.SqlTypes.INTEGER;
import static dev.alchemy.types.SqlTypes.VARCHAR;
import static dev.alchemy.types.SqlTypes.string;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.alchemy.dialect.Dialect;
import dev.alchemy.engine.Connection;
import dev.alchemy.engine.Engine;
import dev.alchemy.engine.Row;
import dev.alchemy.exc.CompileError;
import dev.alchemy.schema.Column;
import dev.alchemy.schema.DDL;
import dev.alchemy.schema.MetaData;
import dev.alchemy.schema.Table;
import dev.alchemy.testing.OnDatabases;
import dev.alchemy.testing.TestDatabase;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;

/** The seed's CRUD through the Core: schema, DDL and the expression language end to end, on both databases. */
@OnDatabases
class CoreSeedTest {

    @Parameter
    TestDatabase db;

    Engine engine;
    MetaData metadata;
    Table users;

    @BeforeEach
    void setUp() {
        engine = db.createEngine();
        metadata = new MetaData();
        users = Table.of(
                "users",
                metadata,
                Column.of("id", INTEGER).primaryKey(),
                Column.of("name", db.isMariadb() ? string(50) : VARCHAR),
                Column.of("email", db.isMariadb() ? string(50) : VARCHAR));
    }

    @AfterEach
    void tearDown() {
        db.reset();
    }

    @Test
    void seedDdlReadsExactlyAsSqlalchemys() {
        if (db.isMariadb()) {
            // SQLAlchemy's MySQL dialect: "VARCHAR requires a length on dialect mysql"; with lengths, backticks where
            // needed, AUTO_INCREMENT after NOT NULL, and the InnoDB engine its documentation recommends
            Table seed = Table.of(
                    "users",
                    new MetaData(),
                    Column.of("id", INTEGER).primaryKey(),
                    Column.of("name", VARCHAR),
                    Column.of("email", VARCHAR));
            assertThatThrownBy(() -> DDL.createTableSql(seed, Dialect.of(engine)))
                    .isInstanceOf(CompileError.class)
                    .hasMessageStartingWith("column 'users.name' (VARCHAR): VARCHAR requires a length on MySQL");
            assertThat(DDL.createTableSql(users, Dialect.of(engine)))
                    .isEqualTo("CREATE TABLE users (\n\tid INTEGER NOT NULL AUTO_INCREMENT, \n\tname VARCHAR(50), "
                            + "\n\temail VARCHAR(50), \n\tPRIMARY KEY (id)\n)ENGINE=InnoDB");
            return;
        }
        // SQLAlchemy's CreateTable for each dialect (reference §1): the Integer key is SERIAL on PostgreSQL
        assertThat(DDL.createTableSql(users, Dialect.of(engine)))
                .isEqualTo("CREATE TABLE users (\n\tid " + (db.isSqlite() ? "INTEGER" : "SERIAL")
                        + " NOT NULL, \n\tname VARCHAR, \n\temail VARCHAR, \n\tPRIMARY KEY (id)\n)");
    }

    @Test
    void createAllIsIdempotentAndDropAllRemoves() {
        metadata.createAll(engine);
        metadata.createAll(engine); // checkfirst: no error
        assertThat(inspect(engine).tableNames()).containsExactly("users");
        if (db.isSqlite()) {
            try (Connection conn = engine.connect()) {
                assertThat(conn.execute(TextClause.of("SELECT name FROM sqlite_master WHERE type = 'table'"))
                                .scalars())
                        .containsExactly("users");
            }
        }
        metadata.dropAll(engine);
        assertThat(inspect(engine).tableNames()).isEmpty();
        try (Connection conn = engine.connect()) {
            String everything = db.isSqlite()
                    ? "SELECT count(*) FROM sqlite_master"
                    : db.isMariadb()
                            ? "SELECT count(*) FROM information_schema.tables WHERE table_schema = database()"
                            : "SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
                                    + " WHERE n.nspname = 'public'"; // the table, its sequence and its key's index
            assertThat(conn.execute(TextClause.of(everything)).scalar(Integer.class))
                    .isZero();
        }
    }

    @Test
    void crudThroughTheExpressionLanguage() {
        metadata.createAll(engine);
        try (Connection conn = engine.connect()) {
            Row inserted = conn.execute(insert(users)
                            .values(Map.of("name", "Alice", "email", "alice@example.com"))
                            .returning(users.c("id")))
                    .one();
            assertThat(inserted.get("id")).isEqualTo(1);
            conn.execute(
                    insert(users).parameters("name", "email"),
                    List.of(Map.of("name", "Bob", "email", "b@x"), Map.of("name", "Carol", "email", "c@x")));
            conn.commit();

            Select byName = select(users).where(users.c("name").eq("Alice"));
            assertThat(byName.toString())
                    .isEqualTo("SELECT users.id, users.name, users.email \nFROM users \nWHERE users.name = ?");
            Row alice = conn.execute(byName).one();
            assertThat(alice.get("id")).isInstanceOf(Integer.class).isEqualTo(1);
            assertThat(alice.get("email")).isEqualTo("alice@example.com");

            Update change = update(users).where(users.c("id").eq(1)).values(Map.of("email", "alice@newdomain.com"));
            assertThat(change.toString()).isEqualTo("UPDATE users SET email=? WHERE users.id = ?");
            assertThat(conn.execute(change).rowcount()).isEqualTo(1);

            assertThat(conn.execute(select(count()).selectFrom(users)).scalar(Long.class))
                    .isEqualTo(3L);
            assertThat(conn.execute(select(users.c("name"))
                                    .orderBy(users.c("name").desc())
                                    .limit(2))
                            .scalars())
                    .containsExactly("Carol", "Bob");

            Delete remove = delete(users).where(users.c("id").eq(1));
            assertThat(remove.toString()).isEqualTo("DELETE FROM users WHERE users.id = ?");
            conn.execute(remove);
            conn.commit();
            assertThat(conn.execute(select(users.c("name")).where(users.c("id").in(List.of(1, 2, 3))))
                            .scalars())
                    .containsExactlyInAnyOrder("Bob", "Carol");
        }
    }
}
