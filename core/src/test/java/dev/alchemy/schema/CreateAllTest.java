package dev.alchemy.schema;

import static dev.alchemy.Alchemy.inspect;
import static dev.alchemy.Alchemy.text;
import static dev.alchemy.types.SqlTypes.INTEGER;
import static dev.alchemy.types.SqlTypes.TEXT;
import static dev.alchemy.types.SqlTypes.string;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.alchemy.dialect.ReflectedForeignKey;
import dev.alchemy.engine.Connection;
import dev.alchemy.engine.Engine;
import dev.alchemy.exc.DBAPIError;
import dev.alchemy.testing.OnDatabases;
import dev.alchemy.testing.TestDatabase;
import dev.alchemy.types.SqlTypes;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;

/**
 * {@code createAll}/{@code dropAll} and single-table create/drop against a real database. MariaDB differs where
 * MySQL does: AUTO_INCREMENT and {@code ENGINE=InnoDB} in the DDL, foreign keys named {@code t_ibfk_1} by the server,
 * and DDL that is committed statement by statement.
 */
@OnDatabases
class CreateAllTest {

    @Parameter
    TestDatabase db;

    Engine engine;
    final List<String> sql = new CopyOnWriteArrayList<>();
    MetaData metadata = new MetaData();

    @BeforeEach
    void open() {
        engine = db.createEngine();
        engine.addStatementListener(e -> sql.add(e.sql()));
    }

    @AfterEach
    void clean() {
        db.reset();
    }

    /** §1.16's MetaData: users, comment, post, defined in that order (comment → post → users). */
    void defineBlog() {
        Table.of(
                "users",
                metadata,
                Column.of("id", INTEGER).primaryKey(),
                Column.of("name", SqlTypes.string(100)),
                Column.of("email", SqlTypes.string(100)));
        Table.of(
                "comment",
                metadata,
                Column.of("id", INTEGER).primaryKey(),
                Column.of("post_id", INTEGER)
                        .notNull()
                        .references(ForeignKey.to("post.id").onDelete("CASCADE")),
                Column.of("body", TEXT));
        Table.of(
                "post",
                metadata,
                Column.of("id", INTEGER).primaryKey(),
                Column.of("user_id", INTEGER).notNull().references("users.id"),
                Column.of("title", string(100)).index(),
                UniqueConstraint.of("user_id", "title"));
    }

    List<String> ddl() {
        return sql.stream()
                .filter(s -> s.startsWith("CREATE") || s.startsWith("DROP") || s.startsWith("ALTER"))
                .map(s -> s.startsWith("CREATE TABLE") ? s.substring(0, s.indexOf(" (")) : s)
                .toList();
    }

    @Test
    void createAllCreatesParentsFirstEachTableWithItsIndexesAndDropAllReverses() {
        defineBlog();
        metadata.createAll(engine);
        assertThat(ddl())
                .containsExactly(
                        "CREATE TABLE users",
                        "CREATE TABLE post",
                        "CREATE INDEX ix_post_title ON post (title)",
                        "CREATE TABLE comment");
        assertThat(sql).contains("""
                        CREATE TABLE post (
                        \tid %s,\s
                        \tuser_id INTEGER NOT NULL,\s
                        \ttitle VARCHAR(100),\s
                        \tPRIMARY KEY (id),\s
                        \tUNIQUE (user_id, title),\s
                        \tFOREIGN KEY(user_id) REFERENCES users (id)
                        )%s""".formatted(
                        db.isSqlite()
                                ? "INTEGER NOT NULL"
                                : db.isPostgresql() ? "SERIAL NOT NULL" : "INTEGER NOT NULL AUTO_INCREMENT",
                        db.isMariadb() ? "ENGINE=InnoDB" : ""));
        assertThat(inspect(engine).tableNames()).containsExactly("comment", "post", "users");
        sql.clear();
        metadata.dropAll(engine);
        assertThat(ddl()).containsExactly("DROP TABLE comment", "DROP TABLE post", "DROP TABLE users");
        assertThat(inspect(engine).tableNames()).isEmpty();
    }

    /** §1.16's log, statement for statement: PRAGMA main (then temp when absent) in MetaData order. */
    @Test
    void checkFirstRunsSqlalchemysPragmasOnSqlite() {
        org.junit.jupiter.api.Assumptions.assumeTrue(db.isSqlite());
        defineBlog();
        metadata.createAll(engine);
        assertThat(sql.stream().map(s -> s.startsWith("CREATE TABLE") ? s.substring(0, s.indexOf(" (")) : s))
                .containsExactly(
                        "PRAGMA main.table_info(\"users\")",
                        "PRAGMA temp.table_info(\"users\")",
                        "PRAGMA main.table_info(\"comment\")",
                        "PRAGMA temp.table_info(\"comment\")",
                        "PRAGMA main.table_info(\"post\")",
                        "PRAGMA temp.table_info(\"post\")",
                        "CREATE TABLE users",
                        "CREATE TABLE post",
                        "CREATE INDEX ix_post_title ON post (title)",
                        "CREATE TABLE comment");
        sql.clear();
        metadata.createAll(engine);
        assertThat(sql)
                .containsExactly(
                        "PRAGMA main.table_info(\"users\")",
                        "PRAGMA main.table_info(\"comment\")",
                        "PRAGMA main.table_info(\"post\")");
        sql.clear();
        metadata.dropAll(engine);
        assertThat(sql)
                .containsExactly(
                        "PRAGMA main.table_info(\"users\")",
                        "PRAGMA main.table_info(\"comment\")",
                        "PRAGMA main.table_info(\"post\")",
                        "DROP TABLE comment",
                        "DROP TABLE post",
                        "DROP TABLE users");
        sql.clear();
        metadata.dropAll(engine);
        assertThat(sql).hasSize(6).allMatch(s -> s.startsWith("PRAGMA "));
        sql.clear();
        metadata.createAll(engine, false);
        assertThat(sql).noneMatch(s -> s.startsWith("PRAGMA"));
    }

    @Test
    void createAllTwiceChangesNothingAndDropAllOfNothingIsHarmless() {
        defineBlog();
        metadata.dropAll(engine);
        metadata.createAll(engine);
        metadata.createAll(engine);
        assertThat(inspect(engine).tableNames()).containsExactly("comment", "post", "users");
        metadata.dropAll(engine);
        metadata.dropAll(engine);
        assertThat(inspect(engine).tableNames()).isEmpty();
    }

    @Test
    void parentChildGrandchildChainIsOrderedWhateverTheDefinitionOrder() {
        Table.of(
                "grandchild",
                metadata,
                Column.of("id", INTEGER).primaryKey(),
                Column.of("child_id", INTEGER).references("child.id"));
        Table.of(
                "child",
                metadata,
                Column.of("id", INTEGER).primaryKey(),
                Column.of("parent_id", INTEGER).references("parent.id"));
        Table.of("parent", metadata, Column.of("id", INTEGER).primaryKey());
        metadata.createAll(engine);
        assertThat(ddl()).containsExactly("CREATE TABLE parent", "CREATE TABLE child", "CREATE TABLE grandchild");
        engine.useTransaction(conn -> {
            conn.execute(text("INSERT INTO parent (id) VALUES (1)"));
            conn.execute(text("INSERT INTO child (id, parent_id) VALUES (1, 1)"));
            conn.execute(text("INSERT INTO grandchild (id, child_id) VALUES (1, 1)"));
        });
        sql.clear();
        metadata.dropAll(engine); // children first, so no foreign key stands in the way
        assertThat(ddl()).containsExactly("DROP TABLE grandchild", "DROP TABLE child", "DROP TABLE parent");
    }

    @Test
    void aFailingCreateLeavesNothingBehind() {
        Table.of("first", metadata, Column.of("id", INTEGER).primaryKey());
        Table.of("second", metadata, Column.of("id", INTEGER).primaryKey(), CheckConstraint.of("this is not sql"));
        assertThatThrownBy(() -> metadata.createAll(engine))
                .isInstanceOf(DBAPIError.class)
                .hasMessageContaining("CREATE TABLE second");
        assertThat(sql).anyMatch(s -> s.startsWith("CREATE TABLE first"));
        if (db.isMariadb()) {
            // MySQL commits each CREATE TABLE by itself: what was created before the failure stays
            assertThat(inspect(engine).tableNames()).containsExactly("first");
            return;
        }
        assertThat(inspect(engine).tableNames())
                .as("the whole createAll rolled back")
                .isEmpty();
    }

    @Test
    void singleTableCreateAndDropDoNotCheckFirstUnlessAsked() {
        defineBlog();
        Table users = metadata.table("users");
        users.create(engine);
        assertThat(users.exists(engine)).isTrue();
        assertThatThrownBy(() -> users.create(engine)).isInstanceOf(DBAPIError.class);
        users.create(engine, true); // exists: nothing happens
        Table post = metadata.table("post");
        post.create(engine);
        assertThat(inspect(engine).indexes("post")).extracting(i -> i.name()).containsExactly("ix_post_title");
        post.drop(engine);
        users.drop(engine);
        assertThat(users.exists(engine)).isFalse();
        assertThatThrownBy(() -> users.drop(engine)).isInstanceOf(DBAPIError.class);
        users.drop(engine, true); // absent: nothing happens
    }

    @Test
    void createSomeTablesOnly() {
        defineBlog();
        metadata.create(engine, List.of(metadata.table("post"), metadata.table("users")), true);
        assertThat(inspect(engine).tableNames()).containsExactly("post", "users");
        metadata.drop(engine, List.of(metadata.table("users"), metadata.table("post")), true);
        assertThat(ddl()).endsWith("DROP TABLE post", "DROP TABLE users");
    }

    /**
     * Tables that refer to each other: SQLAlchemy adds their foreign keys with ALTER TABLE where it can
     * (PostgreSQL) and keeps them inline on SQLite, which accepts a reference to a table not created yet.
     */
    @Test
    void foreignKeyCyclesAreCreatedAndDropped() {
        Table.of(
                "a",
                metadata,
                Column.of("id", INTEGER).primaryKey(),
                Column.of("b_id", INTEGER).references("b.id"));
        Table.of(
                "b",
                metadata,
                Column.of("id", INTEGER).primaryKey(),
                Column.of("a_id", INTEGER).references(ForeignKey.to("a.id").name("fk_b_a")));
        Table.of(
                "c",
                metadata,
                Column.of("id", INTEGER).primaryKey(),
                Column.of("a_id", INTEGER).references("a.id"));
        metadata.createAll(engine);
        if (!db.isSqlite()) {
            assertThat(ddl())
                    .containsExactly(
                            "CREATE TABLE a",
                            "CREATE TABLE b",
                            "CREATE TABLE c",
                            "ALTER TABLE a ADD FOREIGN KEY(b_id) REFERENCES b (id)",
                            "ALTER TABLE b ADD CONSTRAINT fk_b_a FOREIGN KEY(a_id) REFERENCES a (id)");
        } else {
            assertThat(ddl()).containsExactly("CREATE TABLE a", "CREATE TABLE b", "CREATE TABLE c");
        }
        assertThat(inspect(engine).foreignKeys("a"))
                .extracting(ReflectedForeignKey::columns, ReflectedForeignKey::referredTable)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(List.of("b_id"), "b"));
        assertThat(inspect(engine).foreignKeys("b"))
                .extracting(ReflectedForeignKey::name)
                .containsExactly("fk_b_a");
        // rows that refer to each other, so that the drop has to get the foreign keys out of the way
        engine.useTransaction(conn -> {
            conn.execute(text("INSERT INTO a (id) VALUES (1)"));
            conn.execute(text("INSERT INTO b (id, a_id) VALUES (1, 1)"));
            conn.execute(text("UPDATE a SET b_id = 1"));
            conn.execute(text("INSERT INTO c (id, a_id) VALUES (1, 1)"));
        });
        sql.clear();
        metadata.dropAll(engine);
        if (!db.isSqlite()) {
            assertThat(ddl())
                    .containsExactly(
                            // the names the database gave the unnamed key: PostgreSQL's, MySQL's
                            "ALTER TABLE a DROP CONSTRAINT " + (db.isMariadb() ? "a_ibfk_1" : "a_b_id_fkey"),
                            "ALTER TABLE b DROP CONSTRAINT fk_b_a",
                            "DROP TABLE c",
                            "DROP TABLE b",
                            "DROP TABLE a");
        } else {
            assertThat(sql).contains("PRAGMA defer_foreign_keys = ON");
            assertThat(ddl()).containsExactly("DROP TABLE c", "DROP TABLE b", "DROP TABLE a");
        }
        assertThat(inspect(engine).tableNames()).isEmpty();
    }

    @Test
    void useAlterForeignKeyIsAddedAfterTheTablesWhereTheDatabaseCan() {
        Table.of(
                "widget",
                metadata,
                Column.of("id", INTEGER).primaryKey(),
                Column.of("favorite_entry_id", INTEGER)
                        .references(ForeignKey.to("entry.id")
                                .name("fk_favorite_entry")
                                .useAlter(true)));
        Table.of(
                "entry",
                metadata,
                Column.of("id", INTEGER).primaryKey(),
                Column.of("widget_id", INTEGER).references("widget.id"));
        metadata.createAll(engine);
        if (!db.isSqlite()) {
            assertThat(ddl())
                    .containsExactly(
                            "CREATE TABLE widget",
                            "CREATE TABLE entry",
                            "ALTER TABLE widget ADD CONSTRAINT fk_favorite_entry FOREIGN KEY(favorite_entry_id)"
                                    + " REFERENCES entry (id)");
        } else {
            assertThat(ddl()).containsExactly("CREATE TABLE widget", "CREATE TABLE entry");
        }
        assertThat(inspect(engine).foreignKeys("widget"))
                .extracting(ReflectedForeignKey::name)
                .containsExactly("fk_favorite_entry");
        metadata.dropAll(engine);
        assertThat(inspect(engine).tableNames()).isEmpty();
    }

    @Test
    void createAllRunsInOneTransactionWithTheCallersNothingElse() {
        defineBlog();
        try (Connection conn = engine.connect()) {
            assertThat(conn.inTransaction()).isFalse();
        }
        metadata.createAll(engine);
        try (Connection conn = engine.connect()) {
            conn.execute(text("INSERT INTO users (name) VALUES (:n)"), Map.of("n", "Alice"));
            conn.commit();
            assertThat(conn.execute(text("SELECT id FROM users")).scalar()).isEqualTo(1);
        }
    }
}
