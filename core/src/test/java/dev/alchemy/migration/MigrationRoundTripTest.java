package dev.alchemy.migration;

import static dev.alchemy.types.SqlTypes.BOOLEAN;
import static dev.alchemy.types.SqlTypes.DATETIME;
import static dev.alchemy.types.SqlTypes.INTEGER;
import static dev.alchemy.types.SqlTypes.SMALLINT;
import static dev.alchemy.types.SqlTypes.VARCHAR;
import static dev.alchemy.types.SqlTypes.string;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.alchemy.engine.Engine;
import dev.alchemy.exc.IntegrityError;
import dev.alchemy.schema.CheckConstraint;
import dev.alchemy.schema.Column;
import dev.alchemy.schema.ForeignKey;
import dev.alchemy.schema.Index;
import dev.alchemy.schema.MetaData;
import dev.alchemy.schema.SchemaItem;
import dev.alchemy.schema.Table;
import dev.alchemy.schema.UniqueConstraint;
import dev.alchemy.testing.OnDatabases;
import dev.alchemy.testing.TestDatabase;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.flywaydb.core.api.FlywayException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;

/**
 * Each kind of change, the way a developer meets it: the old models are the database (created by a generated V1
 * migration, rows inserted), the new models are diffed against it, the script is applied by Flyway, and then the
 * diff is empty and every row is still there. Then the downgrade script (the reversed diff) is applied too, and the
 * database matches the old models again, rows kept.
 */
@OnDatabases
class MigrationRoundTripTest {

    @Parameter
    TestDatabase db;

    @TempDir
    Path scripts;

    Engine engine;
    MigrationHarness flyway;

    @BeforeEach
    void open() {
        engine = db.createEngine();
        flyway = new MigrationHarness(engine, scripts);
    }

    @AfterEach
    void clean() {
        db.reset();
    }

    private static MetaData users(SchemaItem... extra) {
        MetaData md = new MetaData();
        List<SchemaItem> items = new ArrayList<>(List.of(
                Column.of("id", INTEGER).primaryKey(),
                Column.of("name", string(50)).notNull()));
        items.addAll(Arrays.asList(extra));
        Table.of("users", md, items.toArray(SchemaItem[]::new));
        return md;
    }

    /** V1 from {@code before}, two users, then the change to {@code after}, its check, and the way back. */
    private SchemaDiff roundTrip(MetaData before, MetaData after, String... seed) {
        SchemaDiff init = flyway.migrateTo(before);
        assertThat(init.operations()).allMatch(MigrationOp.CreateTable.class::isInstance);
        flyway.assertNoDifferences(before);
        for (String sql : seed) {
            flyway.execute(sql);
        }
        List<List<Object>> rows = flyway.rows("SELECT id, name FROM users ORDER BY id");
        SchemaDiff diff = flyway.migrateTo(after);
        assertThat(diff.isEmpty()).isFalse();
        flyway.assertNoDifferences(after);
        assertThat(flyway.rows("SELECT id, name FROM users ORDER BY id")).isEqualTo(rows);

        flyway.apply(MigrationScript.render(diff.reverse()), "downgrade");
        flyway.assertNoDifferences(before);
        assertThat(flyway.rows("SELECT id, name FROM users ORDER BY id")).isEqualTo(rows);
        return diff;
    }

    private static final String[] TWO_USERS = {"INSERT INTO users (id, name) VALUES (1, 'Ann'), (2, 'Bob')"};

    @Test
    void addsANullableColumn() {
        SchemaDiff diff = roundTrip(users(), users(Column.of("phone", string(20))), TWO_USERS);
        assertThat(diff.summary()).containsExactly("add column users.phone " + type("VARCHAR(20)"));
    }

    @Test
    void addsANotNullColumnWithAServerDefault() {
        SchemaDiff diff = roundTrip(
                users(), users(Column.of("status", string(10)).notNull().serverDefaultString("new")), TWO_USERS);
        assertThat(diff.summary()).hasSize(1).first().asString().startsWith("add column users.status");
        assertThat(flyway.rows("SELECT count(*) FROM users")).containsExactly(List.of(2L));
    }

    @Test
    void addsAColumnWhoseDefaultIsAnExpression() {
        // SQLite cannot ADD COLUMN with a non-constant default: the table is rebuilt; MySQL allows CURRENT_TIMESTAMP
        // as the default of a DATETIME only
        roundTrip(
                users(),
                users(
                        db.isMariadb()
                                ? Column.of("created", DATETIME).serverDefault("CURRENT_TIMESTAMP")
                                : Column.of("created", VARCHAR).serverDefault("CURRENT_TIMESTAMP")),
                TWO_USERS);
    }

    @Test
    void dropsAColumnAndKeepsTheOthers() {
        SchemaDiff diff = roundTrip(users(Column.of("phone", string(20))), users(), TWO_USERS);
        assertThat(diff.summary()).containsExactly("drop column users.phone");
        assertThat(MigrationScript.render(diff).reviewNotes())
                .anyMatch(n -> n.contains("drops column users.phone and its values"));
    }

    @Test
    void changesAColumnsType() {
        SchemaDiff diff = roundTrip(
                users(Column.of("phone", string(20))),
                users(Column.of("phone", string(40))),
                "INSERT INTO users (id, name, phone) VALUES (1, 'Ann', '555-0100'), (2, 'Bob', NULL)");
        assertThat(diff.summary())
                .containsExactly(
                        "alter column users.phone: type " + type("VARCHAR(20)") + " -> " + type("VARCHAR(40)"));
        assertThat(flyway.rows("SELECT phone FROM users ORDER BY id"))
                .containsExactly(List.of("555-0100"), List.of("NULL"));
    }

    @Test
    void makesAColumnNotNullAndBack() {
        SchemaDiff diff = roundTrip(
                users(Column.of("phone", string(20))),
                users(Column.of("phone", string(20)).notNull()),
                "INSERT INTO users (id, name, phone) VALUES (1, 'Ann', '555-0100')");
        assertThat(diff.summary()).containsExactly("alter column users.phone: NOT NULL");
        assertThat(MigrationScript.render(diff).reviewNotes()).anyMatch(n -> n.contains("becomes NOT NULL"));
    }

    @Test
    void changesAServerDefault() {
        SchemaDiff diff = roundTrip(
                users(Column.of("status", string(10)).serverDefaultString("new")),
                users(Column.of("status", string(10)).serverDefaultString("active")),
                TWO_USERS);
        assertThat(diff.summary())
                .hasSize(1)
                .first()
                .asString()
                .contains("default 'new'")
                .contains("'active'");
        flyway.execute("INSERT INTO users (id, name) VALUES (3, 'Cy')");
        assertThat(flyway.rows("SELECT status FROM users WHERE id = 3")).containsExactly(List.of("new"));
    }

    @Test
    void addsAndDropsIndexes() {
        SchemaDiff diff = roundTrip(
                users(Column.of("email", string(50))),
                users(
                        Column.of("email", string(50)),
                        Index.of("ix_users_name", "name"),
                        Index.unique("ux_email", "email")),
                TWO_USERS);
        assertThat(diff.summary())
                .containsExactlyInAnyOrder(
                        "add index ix_users_name [name] on users", "add unique index ux_email [email] on users");
    }

    @Test
    void addsAUniqueConstraint() {
        SchemaDiff diff = roundTrip(
                users(Column.of("email", string(50))),
                users(Column.of("email", string(50)), UniqueConstraint.of("email")),
                "INSERT INTO users (id, name, email) VALUES (1, 'Ann', 'a@x'), (2, 'Bob', 'b@x')");
        assertThat(diff.summary()).containsExactly("add unique constraint [email] on users");
    }

    @Test
    void addsACheckConstraint() {
        SchemaDiff diff = roundTrip(
                users(Column.of("age", INTEGER)),
                users(Column.of("age", INTEGER), CheckConstraint.of("age >= 0").name("ck_users_age")),
                "INSERT INTO users (id, name, age) VALUES (1, 'Ann', 30), (2, 'Bob', NULL)");
        assertThat(diff.summary()).containsExactly("add check constraint ck_users_age (age >= 0) on users");
    }

    @Test
    void addsAnUnnamedCheckConstraint() {
        roundTrip(
                users(Column.of("age", INTEGER)),
                users(Column.of("age", INTEGER).check("age >= 0")),
                TWO_USERS);
    }

    private static MetaData withPosts(boolean foreignKey, String onDelete) {
        MetaData md = users();
        Column<Integer> author = Column.of("author_id", INTEGER);
        Table.of(
                "posts",
                md,
                Column.of("id", INTEGER).primaryKey(),
                foreignKey ? author.references(ForeignKey.to("users.id").onDelete(onDelete)) : author,
                Column.of("title", string(100)));
        return md;
    }

    private static final String[] USERS_AND_POSTS = {
        "INSERT INTO users (id, name) VALUES (1, 'Ann'), (2, 'Bob')",
        "INSERT INTO posts (id, author_id, title) VALUES (10, 1, 'Hello'), (11, 2, 'World'), (12, NULL, 'Anon')"
    };

    @Test
    void addsAForeignKey() {
        SchemaDiff diff = roundTrip(withPosts(false, "CASCADE"), withPosts(true, "CASCADE"), USERS_AND_POSTS);
        assertThat(diff.summary())
                .containsExactly("add foreign key [author_id] -> users[id] ON DELETE CASCADE on posts");
        assertThat(flyway.rows("SELECT id, author_id FROM posts ORDER BY id"))
                .containsExactly(List.of(10L, 1L), List.of(11L, 2L), List.of(12L, "NULL"));
    }

    @Test
    void rebuildingAReferredTableKeepsTheRowsThatReferToIt() {
        // users is rebuilt on SQLite (a column dropped); dropping it would fire posts' ON DELETE CASCADE
        MetaData before = withPosts(true, "CASCADE");
        Table.of(
                "likes",
                before,
                Column.of("id", INTEGER).primaryKey(),
                Column.of("post_id", INTEGER)
                        .references(ForeignKey.to("posts.id").onDelete("CASCADE")));
        MetaData after = withPosts(true, "CASCADE");
        Table.of(
                "likes",
                after,
                Column.of("id", INTEGER).primaryKey(),
                Column.of("post_id", INTEGER)
                        .references(ForeignKey.to("posts.id").onDelete("CASCADE")));
        Table.of("audit", after, Column.of("id", INTEGER).primaryKey());
        MetaData beforeWithPhone = withPhone(before);
        roundTrip(
                beforeWithPhone,
                withPhone(after, false),
                USERS_AND_POSTS[0],
                USERS_AND_POSTS[1],
                "INSERT INTO likes (id, post_id) VALUES (100, 10), (101, 11)");
        assertThat(flyway.rows("SELECT id, author_id FROM posts ORDER BY id"))
                .containsExactly(List.of(10L, 1L), List.of(11L, 2L), List.of(12L, "NULL"));
        assertThat(flyway.rows("SELECT id, post_id FROM likes ORDER BY id"))
                .containsExactly(List.of(100L, 10L), List.of(101L, 11L));
    }

    private static MetaData withPhone(MetaData md) {
        return withPhone(md, true);
    }

    /** A copy of {@code md} whose users table has (or has not) a phone column. */
    private static MetaData withPhone(MetaData md, boolean phone) {
        MetaData copy = new MetaData();
        for (Table t : md.sortedTables()) {
            List<SchemaItem> items = new ArrayList<>();
            for (Column<?> c : t.columns()) {
                items.add(unbound(c));
            }
            if (t.name().equals("users") && phone) {
                items.add(Column.of("phone", string(20)));
            }
            Table.of(t.name(), copy, items.toArray(SchemaItem[]::new));
        }
        return copy;
    }

    private static Column<?> unbound(Column<?> c) {
        Column<?> copy = Column.of(c.name(), c.type());
        if (c.isPrimaryKey()) {
            copy = copy.primaryKey();
        }
        if (!c.isNullable()) {
            copy = copy.notNull();
        }
        if (c.foreignKey() != null) {
            copy = copy.references(c.foreignKey());
        }
        return copy;
    }

    @Test
    void dropsAForeignKeyAndTheIndexMysqlMadeForIt() {
        // MySQL indexes a foreign key's columns by itself, and keeps that index when the key is dropped
        SchemaDiff diff = roundTrip(withPosts(true, "CASCADE"), withPosts(false, "CASCADE"), USERS_AND_POSTS);
        assertThat(diff.summary())
                .singleElement()
                .asString()
                .startsWith("drop foreign key")
                .endsWith("[author_id] -> users[id] ON DELETE CASCADE on posts");
    }

    @Test
    void changesAForeignKeysAction() {
        SchemaDiff diff = roundTrip(withPosts(true, "CASCADE"), withPosts(true, "SET NULL"), USERS_AND_POSTS);
        assertThat(diff.summary()).hasSize(2);
        assertThat(diff.summary().get(0)).startsWith("drop foreign key").contains("ON DELETE CASCADE");
        assertThat(diff.summary().get(1))
                .isEqualTo("add foreign key [author_id] -> users[id] ON DELETE SET NULL on posts");
        flyway.execute("DELETE FROM users WHERE id = 1");
        assertThat(flyway.rows("SELECT id, author_id FROM posts ORDER BY id"))
                .containsExactly(List.of(11L, 2L), List.of(12L, "NULL")); // CASCADE again after the downgrade
    }

    @Test
    void changingATypeKeepsTheColumnsCheck() {
        // MySQL's MODIFY COLUMN restates the whole column: the CHECK written with it must survive
        SchemaDiff diff = roundTrip(
                users(Column.of("age", SMALLINT).check("age >= 0")),
                users(Column.of("age", INTEGER).check("age >= 0")),
                "INSERT INTO users (id, name, age) VALUES (1, 'Ann', 30), (2, 'Bob', NULL)");
        assertThat(diff.summary()).containsExactly("alter column users.age: type SMALLINT -> INTEGER");
        assertThatThrownBy(() -> flyway.execute("INSERT INTO users (id, name, age) VALUES (3, 'Cy', -1)"))
                .isInstanceOf(IntegrityError.class);
    }

    @Test
    void aBooleanGetsADefaultAndBecomesNotNull() {
        SchemaDiff diff = roundTrip(
                users(Column.of("active", BOOLEAN)),
                users(Column.of("active", BOOLEAN).notNull().serverDefault(db.isPostgresql() ? "true" : "1")),
                "INSERT INTO users (id, name, active) VALUES (1, 'Ann', " + (db.isPostgresql() ? "false" : "0")
                        + "), (2, 'Bob', " + (db.isPostgresql() ? "true" : "1") + ")");
        assertThat(diff.summary())
                .singleElement()
                .asString()
                .contains("NOT NULL")
                .contains("default null ->");
    }

    /**
     * A script whose second statement fails. SQLite and PostgreSQL run DDL in Flyway's transaction, so nothing of it
     * stays; MySQL and MariaDB commit each DDL statement, so the first stays, and Flyway records the migration as
     * failed and refuses to go on until the half-done change is undone by hand and the history repaired.
     */
    @Test
    void aScriptThatFailsHalfWay() {
        flyway.migrateTo(users(Column.of("email", string(50))));
        flyway.execute("INSERT INTO users (id, name, email) VALUES (1, 'Ann', NULL)");
        MetaData after = users(
                Column.of("phone", string(20)), Column.of("email", string(50)).notNull());
        assertThatThrownBy(() -> flyway.migrateTo(after)).isInstanceOf(FlywayException.class);
        boolean phoneAdded = db.isMariadb();
        assertThat(SchemaDiff.compare(after, engine).summary())
                .containsExactlyElementsOf(
                        phoneAdded
                                ? List.of("alter column users.email: NOT NULL")
                                : List.of("add column users.phone VARCHAR(20)", "alter column users.email: NOT NULL"));
        if (db.isMariadb()) {
            assertThat(flyway.failedVersions()).containsExactly("2");
            assertThatThrownBy(flyway::migrate)
                    .isInstanceOf(FlywayException.class)
                    .hasMessageContaining("failed migration to version 2");
            flyway.execute("ALTER TABLE users DROP COLUMN phone"); // undo what was applied, then repair
            flyway.repair();
        }
        assertThat(flyway.failedVersions()).isEmpty();
        flyway.execute("UPDATE users SET email = 'ann@example.com'");
        flyway.migrate();
        flyway.assertNoDifferences(after);
    }

    @Test
    void addsAndDropsTables() {
        MetaData after = users();
        Table.of(
                "tags",
                after,
                Column.of("id", INTEGER).primaryKey(),
                Column.of("label", string(30)).unique());
        SchemaDiff diff = roundTrip(users(), after, TWO_USERS);
        assertThat(diff.summary()).containsExactly("add table tags");
        assertThat(MigrationScript.render(diff.reverse()).reviewNotes())
                .containsExactly("drops table tags and every row in it.");
    }

    @Test
    void aRenamedColumnIsADropAndAnAddFlaggedForReview() {
        SchemaDiff diff =
                roundTrip(users(Column.of("phone", string(20))), users(Column.of("mobile", string(20))), TWO_USERS);
        assertThat(diff.summary())
                .containsExactly("add column users.mobile " + type("VARCHAR(20)"), "drop column users.phone");
        String sql = MigrationScript.render(diff).sql();
        assertThat(sql)
                .contains("drops column users.phone and adds mobile. If this is a rename, replace both"
                        + " with ALTER TABLE users RENAME COLUMN phone TO mobile");
    }

    private String type(String type) {
        return type;
    }
}
