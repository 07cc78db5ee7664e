package dev.alchemy.schema;

import static dev.alchemy.Alchemy.inspect;
import static dev.alchemy.Alchemy.text;
import static dev.alchemy.types.SqlTypes.BOOLEAN;
import static dev.alchemy.types.SqlTypes.DATETIME;
import static dev.alchemy.types.SqlTypes.INTEGER;
import static dev.alchemy.types.SqlTypes.TEXT;
import static dev.alchemy.types.SqlTypes.numeric;
import static dev.alchemy.types.SqlTypes.string;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.alchemy.dialect.ReflectedCheckConstraint;
import dev.alchemy.dialect.ReflectedColumn;
import dev.alchemy.dialect.ReflectedForeignKey;
import dev.alchemy.dialect.ReflectedIndex;
import dev.alchemy.dialect.ReflectedPrimaryKey;
import dev.alchemy.dialect.ReflectedUniqueConstraint;
import dev.alchemy.engine.Connection;
import dev.alchemy.engine.Engine;
import dev.alchemy.exc.NoSuchTableError;
import dev.alchemy.testing.OnDatabases;
import dev.alchemy.testing.TestDatabase;
import dev.alchemy.types.SqlTypes;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;

/**
 * The inspector on the schema of /work/notes/sqlalchemy-reference.md §5, after {@code createAll}. On SQLite the
 * results are SQLAlchemy's; PostgreSQL names every constraint itself and words defaults its own way.
 */
@OnDatabases
class InspectorTest {

    @Parameter
    TestDatabase db;

    Engine engine;
    Inspector inspector;

    @BeforeEach
    void createSchema() {
        engine = db.createEngine();
        MetaData md = new MetaData();
        Table.of(
                "users",
                md,
                Column.of("id", INTEGER).primaryKey(),
                Column.of("name", string(50)).notNull(),
                Column.of("email", SqlTypes.string(100)).unique(),
                Column.of("created", DATETIME).serverDefault("CURRENT_TIMESTAMP"),
                Column.of("status", string(10)).serverDefaultString("new"),
                Column.of("score", numeric(10, 2)),
                Column.of("active", BOOLEAN).serverDefault(db.isSqlite() ? "1" : "true"));
        Table.of(
                "posts",
                md,
                Column.of("id", INTEGER).primaryKey(),
                Column.of("user_id", INTEGER)
                        .references(
                                ForeignKey.to("users.id").onDelete("CASCADE").onUpdate("CASCADE"))
                        .notNull(),
                Column.of("editor_id", INTEGER)
                        .references(ForeignKey.to("users.id").name("fk_posts_editor")),
                Column.of("title", string(100)).index(),
                Column.of("slug", string(100)),
                Column.of("body", TEXT),
                UniqueConstraint.of("user_id", "slug").name("uq_posts_user_slug"),
                UniqueConstraint.of("title", "body"),
                Index.of("ix_posts_user_title", "user_id", "title"),
                Index.unique("ux_posts_slug", "slug"),
                CheckConstraint.of("length(title) > 0").name("ck_title_len"));
        Table.of(
                "comp",
                md,
                Column.of("a", INTEGER).primaryKey(),
                Column.of("b", string(5)).primaryKey(),
                PrimaryKeyConstraint.of("a", "b").name("pk_comp"));
        md.createAll(engine);
        inspector = inspect(engine);
    }

    @AfterEach
    void clean() {
        db.reset();
    }

    @Test
    void tableNamesAreSortedAndHasTableAnswers() {
        assertThat(inspector.tableNames()).containsExactly("comp", "posts", "users");
        assertThat(inspector.hasTable("users")).isTrue();
        assertThat(inspector.hasTable("nope")).isFalse();
    }

    @Test
    void columnsGiveTypeNullabilityDefaultAndKeyPosition() {
        List<ReflectedColumn> users = inspector.columns("users");
        if (db.isSqlite()) {
            assertThat(users)
                    .containsExactly(
                            new ReflectedColumn("id", "INTEGER", false, null, 1),
                            new ReflectedColumn("name", "VARCHAR(50)", false, null, 0),
                            new ReflectedColumn("email", "VARCHAR(100)", true, null, 0),
                            new ReflectedColumn("created", "DATETIME", true, "CURRENT_TIMESTAMP", 0),
                            new ReflectedColumn("status", "VARCHAR(10)", true, "'new'", 0),
                            new ReflectedColumn("score", "NUMERIC(10, 2)", true, null, 0),
                            new ReflectedColumn("active", "BOOLEAN", true, "1", 0));
        } else if (db.isMariadb()) {
            // AUTO_INCREMENT is no default; a BOOL is TINYINT(1); DATETIME's default is the server's words
            assertThat(users)
                    .containsExactly(
                            new ReflectedColumn("id", "INTEGER", false, null, 1),
                            new ReflectedColumn("name", "VARCHAR(50)", false, null, 0),
                            new ReflectedColumn("email", "VARCHAR(100)", true, null, 0),
                            new ReflectedColumn("created", "DATETIME(6)", true, "current_timestamp(6)", 0),
                            new ReflectedColumn("status", "VARCHAR(10)", true, "'new'", 0),
                            new ReflectedColumn("score", "NUMERIC(10, 2)", true, null, 0),
                            new ReflectedColumn("active", "TINYINT(1)", true, "1", 0));
        } else {
            assertThat(users)
                    .containsExactly(
                            new ReflectedColumn("id", "INTEGER", false, "nextval('users_id_seq'::regclass)", 1),
                            new ReflectedColumn("name", "VARCHAR(50)", false, null, 0),
                            new ReflectedColumn("email", "VARCHAR(100)", true, null, 0),
                            new ReflectedColumn("created", "TIMESTAMP WITHOUT TIME ZONE", true, "CURRENT_TIMESTAMP", 0),
                            new ReflectedColumn("status", "VARCHAR(10)", true, "'new'::character varying", 0),
                            new ReflectedColumn("score", "NUMERIC(10, 2)", true, null, 0),
                            new ReflectedColumn("active", "BOOLEAN", true, "true", 0));
        }
        assertThat(inspector.columns("comp"))
                .containsExactly(
                        new ReflectedColumn("a", "INTEGER", false, null, 1),
                        new ReflectedColumn("b", "VARCHAR(5)", false, null, 2));
    }

    @Test
    void primaryKeysWithTheirNames() {
        if (db.isMariadb()) {
            // MySQL calls every primary key PRIMARY, whatever name the DDL gave it: the inspector reports none
            assertThat(inspector.primaryKey("comp")).isEqualTo(new ReflectedPrimaryKey(null, List.of("a", "b")));
            assertThat(inspector.primaryKey("users")).isEqualTo(new ReflectedPrimaryKey(null, List.of("id")));
            return;
        }
        assertThat(inspector.primaryKey("comp")).isEqualTo(new ReflectedPrimaryKey("pk_comp", List.of("a", "b")));
        assertThat(inspector.primaryKey("users"))
                .isEqualTo(new ReflectedPrimaryKey(db.isSqlite() ? null : "users_pkey", List.of("id")));
    }

    @Test
    void foreignKeysWithActionsAndNames() {
        ReflectedForeignKey userFk = new ReflectedForeignKey(
                db.isSqlite() ? null : db.isMariadb() ? "posts_ibfk_1" : "posts_user_id_fkey",
                List.of("user_id"),
                null,
                "users",
                List.of("id"),
                "CASCADE",
                "CASCADE");
        ReflectedForeignKey editorFk = new ReflectedForeignKey(
                "fk_posts_editor", List.of("editor_id"), null, "users", List.of("id"), null, null);
        if (db.isSqlite()) {
            assertThat(inspector.foreignKeys("posts")).containsExactly(userFk, editorFk); // CREATE TABLE order
        } else {
            assertThat(inspector.foreignKeys("posts")).containsExactly(editorFk, userFk); // by name
        }
        assertThat(inspector.foreignKeys("users")).isEmpty();
    }

    @Test
    void indexesLeaveOutThoseOfConstraints() {
        if (db.isMariadb()) {
            // MySQL does not tell a CREATE UNIQUE INDEX from a UNIQUE constraint: ux_posts_slug is reported as a
            // unique constraint (uniqueConstraints), and InnoDB's own indexes for foreign keys are left out
            assertThat(inspector.indexes("posts"))
                    .containsExactly(
                            new ReflectedIndex("ix_posts_title", List.of("title"), false),
                            new ReflectedIndex("ix_posts_user_title", List.of("user_id", "title"), false));
            assertThat(inspector.indexes("users")).isEmpty();
            return;
        }
        assertThat(inspector.indexes("posts"))
                .containsExactly(
                        new ReflectedIndex("ix_posts_title", List.of("title"), false),
                        new ReflectedIndex("ix_posts_user_title", List.of("user_id", "title"), false),
                        new ReflectedIndex("ux_posts_slug", List.of("slug"), true));
        assertThat(inspector.indexes("users")).isEmpty();
    }

    @Test
    void uniqueConstraints() {
        if (db.isSqlite()) {
            assertThat(inspector.uniqueConstraints("users"))
                    .containsExactly(new ReflectedUniqueConstraint(null, List.of("email")));
            assertThat(inspector.uniqueConstraints("posts"))
                    .containsExactly(
                            new ReflectedUniqueConstraint("uq_posts_user_slug", List.of("user_id", "slug")),
                            new ReflectedUniqueConstraint(null, List.of("title", "body")));
        } else if (db.isMariadb()) {
            // an unnamed unique key is named after its first column; a unique index is a unique constraint
            assertThat(inspector.uniqueConstraints("users"))
                    .containsExactly(new ReflectedUniqueConstraint("email", List.of("email")));
            assertThat(inspector.uniqueConstraints("posts"))
                    .containsExactly(
                            new ReflectedUniqueConstraint("title", List.of("title", "body")),
                            new ReflectedUniqueConstraint("uq_posts_user_slug", List.of("user_id", "slug")),
                            new ReflectedUniqueConstraint("ux_posts_slug", List.of("slug")));
        } else {
            assertThat(inspector.uniqueConstraints("users"))
                    .containsExactly(new ReflectedUniqueConstraint("users_email_key", List.of("email")));
            assertThat(inspector.uniqueConstraints("posts"))
                    .containsExactly(
                            new ReflectedUniqueConstraint("posts_title_body_key", List.of("title", "body")),
                            new ReflectedUniqueConstraint("uq_posts_user_slug", List.of("user_id", "slug")));
        }
    }

    @Test
    void checkConstraints() {
        assertThat(inspector.checkConstraints("posts"))
                .containsExactly(new ReflectedCheckConstraint(
                        "ck_title_len",
                        db.isSqlite()
                                ? "length(title) > 0"
                                // MariaDB keeps its own words: its length() counts bytes, as octet_length
                                : db.isMariadb() ? "octet_length(`title`) > 0" : "length((title)::text) > 0"));
        assertThat(inspector.checkConstraints("users")).isEmpty();
    }

    @Test
    void anUnknownTableIsNamedInTheError() {
        assertThatThrownBy(() -> inspector.columns("nope"))
                .isInstanceOf(NoSuchTableError.class)
                .hasMessage("no table 'nope' in the database; its tables: [comp, posts, users]");
    }

    @Test
    void anInspectorOnAConnectionSeesItsUncommittedTables() {
        try (Connection conn = engine.connect()) {
            conn.execute(text("CREATE TABLE scratch (x INTEGER)"));
            assertThat(Inspector.of(conn).tableNames()).contains("scratch");
            assertThat(Inspector.of(conn).columns("scratch"))
                    .containsExactly(new ReflectedColumn("x", "INTEGER", true, null, 0));
            conn.rollback();
        }
        // MySQL's DDL is not transactional: CREATE TABLE committed, and the ROLLBACK does not undo it
        assertThat(inspector.hasTable("scratch")).isEqualTo(db.isMariadb());
    }

    /** SQLite keeps the DDL as written, so constraints written by hand are found too, quoted or not. */
    @Test
    void handWrittenSqliteDdlIsParsed() {
        org.junit.jupiter.api.Assumptions.assumeTrue(db.isSqlite());
        engine.useTransaction(conn -> conn.execute(text("""
                CREATE TABLE "Hand Made" (
                  "Id" integer CONSTRAINT "PK hand" PRIMARY KEY,
                  code TEXT CONSTRAINT uq_code UNIQUE CHECK (length(code) = 3),
                  ref INTEGER REFERENCES users ON DELETE SET NULL, -- the users' primary key
                  [odd name] TEXT DEFAULT ('x, y'),
                  CONSTRAINT ck_two CHECK ("Id" > 0 AND (code <> 'abc'))
                )""")));
        assertThat(inspector.primaryKey("Hand Made")).isEqualTo(new ReflectedPrimaryKey("PK hand", List.of("Id")));
        assertThat(inspector.uniqueConstraints("Hand Made"))
                .containsExactly(new ReflectedUniqueConstraint("uq_code", List.of("code")));
        assertThat(inspector.checkConstraints("Hand Made"))
                .containsExactly(
                        new ReflectedCheckConstraint(null, "length(code) = 3"),
                        new ReflectedCheckConstraint("ck_two", "\"Id\" > 0 AND (code <> 'abc')"));
        assertThat(inspector.foreignKeys("Hand Made"))
                .containsExactly(
                        new ReflectedForeignKey(null, List.of("ref"), null, "users", List.of("id"), "SET NULL", null));
        assertThat(inspector.columns("Hand Made"))
                .extracting(ReflectedColumn::name, ReflectedColumn::serverDefault)
                .contains(org.assertj.core.groups.Tuple.tuple("odd name", "'x, y'"));
    }
}
