package dev.alchemy.migration;

import static dev.alchemy.Alchemy.text;
import static dev.alchemy.types.SqlTypes.BIGINT;
import static dev.alchemy.types.SqlTypes.BOOLEAN;
import static dev.alchemy.types.SqlTypes.DATE;
import static dev.alchemy.types.SqlTypes.DATETIME;
import static dev.alchemy.types.SqlTypes.DATETIME_TZ;
import static dev.alchemy.types.SqlTypes.DOUBLE;
import static dev.alchemy.types.SqlTypes.FLOAT;
import static dev.alchemy.types.SqlTypes.INTEGER;
import static dev.alchemy.types.SqlTypes.JSON;
import static dev.alchemy.types.SqlTypes.LARGE_BINARY;
import static dev.alchemy.types.SqlTypes.NUMERIC;
import static dev.alchemy.types.SqlTypes.SMALLINT;
import static dev.alchemy.types.SqlTypes.TEXT;
import static dev.alchemy.types.SqlTypes.TIME;
import static dev.alchemy.types.SqlTypes.UUID;
import static dev.alchemy.types.SqlTypes.enumOf;
import static dev.alchemy.types.SqlTypes.floatType;
import static dev.alchemy.types.SqlTypes.numeric;
import static dev.alchemy.types.SqlTypes.string;
import static org.assertj.core.api.Assertions.assertThat;

import dev.alchemy.engine.Engine;
import dev.alchemy.schema.CheckConstraint;
import dev.alchemy.schema.Column;
import dev.alchemy.schema.ForeignKey;
import dev.alchemy.schema.ForeignKeyConstraint;
import dev.alchemy.schema.Index;
import dev.alchemy.schema.MetaData;
import dev.alchemy.schema.PrimaryKeyConstraint;
import dev.alchemy.schema.Table;
import dev.alchemy.schema.UniqueConstraint;
import dev.alchemy.testing.OnDatabases;
import dev.alchemy.testing.TestDatabase;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;

/** What the diff reports, and above all what it does not: nothing, right after {@code createAll}. */
@OnDatabases
class SchemaDiffTest {

    enum Status {
        NEW,
        DONE
    }

    @Parameter
    TestDatabase db;

    Engine engine;

    @BeforeEach
    void open() {
        engine = db.createEngine();
    }

    @AfterEach
    void clean() {
        db.reset();
    }

    private MetaData everything() {
        MetaData md = new MetaData();
        Table.of(
                "owners",
                md,
                Column.of("id", BIGINT).primaryKey(),
                Column.of("email", string(100)).notNull().unique(),
                Column.of("nick", string(30)).unique().index());
        Table.of(
                "kinds",
                md,
                Column.of("a", INTEGER),
                Column.of("b", string(10)),
                Column.of("label", TEXT),
                PrimaryKeyConstraint.of("a", "b"));
        Table.of(
                "things",
                md,
                Column.of("id", INTEGER).primaryKey(),
                Column.of("owner_id", BIGINT)
                        .references(ForeignKey.to("owners.id").onDelete("CASCADE")),
                Column.of("kind_a", INTEGER),
                Column.of("kind_b", string(10)),
                Column.of("small", SMALLINT).serverDefault("-1"),
                Column.of("name", db.varchar()).notNull(),
                Column.of("status", string(10)).serverDefaultString("new"),
                Column.of("state", enumOf(Status.class)),
                Column.of("active", BOOLEAN).serverDefault(db.isPostgresql() ? "true" : "1"),
                Column.of("price", numeric(10, 2)).check("price >= 0"),
                // MySQL's NUMERIC without a precision is DECIMAL(10, 0), which the dialect refuses
                Column.of("amount", db.isMariadb() ? numeric(20, 4) : NUMERIC),
                Column.of("ratio", FLOAT),
                Column.of("ratio4", floatType(10)),
                Column.of("weight", DOUBLE),
                Column.of("born", DATE),
                Column.of("created", DATETIME).serverDefault("CURRENT_TIMESTAMP"),
                Column.of("seen", DATETIME_TZ),
                Column.of("at", TIME),
                Column.of("data", LARGE_BINARY),
                Column.of("doc", JSON),
                Column.of("uid", UUID),
                ForeignKeyConstraint.of(List.of("kind_a", "kind_b"), "kinds", List.of("a", "b"))
                        .onUpdate("CASCADE"),
                UniqueConstraint.of("name", "owner_id").name("uq_things_name"),
                CheckConstraint.of("small < 100").name("ck_things_small"),
                Index.of("ix_things_created", "created", "id"));
        return md;
    }

    @Test
    void findsNothingRightAfterCreateAll() {
        MetaData md = everything();
        md.createAll(engine);
        SchemaDiff diff = SchemaDiff.compare(md, engine);
        assertThat(diff.summary()).isEmpty();
        assertThat(diff.isEmpty()).isTrue();
        assertThat(MigrationScript.render(diff).isEmpty()).isTrue();
    }

    @Test
    void anEmptyDatabaseNeedsEveryTableInDependencyOrder() {
        SchemaDiff diff = SchemaDiff.compare(everything(), engine);
        assertThat(diff.summary()).containsExactly("add table kinds", "add table owners", "add table things");
        assertThat(diff.reverse().summary())
                .containsExactly("drop table things", "drop table owners", "drop table kinds");
        assertThat(diff.reverse().reverse().operations()).isEqualTo(diff.operations());
    }

    @Test
    void neverReportsTheMigrationToolsTables() {
        MetaData md = everything();
        md.createAll(engine);
        engine.useTransaction(c -> {
            c.execute(text("CREATE TABLE flyway_schema_history (installed_rank INTEGER NOT NULL PRIMARY KEY)"));
            c.execute(text("CREATE TABLE databasechangelog (id VARCHAR(255) NOT NULL)"));
        });
        assertThat(SchemaDiff.compare(md, engine).summary()).isEmpty();
    }

    @Test
    void aTableNoModelDescribesIsDroppedUnlessExcluded() {
        MetaData md = everything();
        md.createAll(engine);
        engine.useTransaction(c -> c.execute(text("CREATE TABLE legacy (id INTEGER NOT NULL PRIMARY KEY)")));
        assertThat(SchemaDiff.compare(md, engine).summary()).containsExactly("drop table legacy");
        assertThat(SchemaDiff.compare(md, engine, DiffOptions.defaults().excludeTables("legacy"))
                        .isEmpty())
                .isTrue();
    }

    @Test
    void includeTablesComparesOnlyThose() {
        MetaData md = everything();
        SchemaDiff diff = SchemaDiff.compare(md, engine, DiffOptions.defaults().includeTables("owners"));
        assertThat(diff.summary()).containsExactly("add table owners");
    }

    @Test
    void aNamedIndexMatchesByItsColumnsWhateverItsName() {
        MetaData md = everything();
        md.createAll(engine);
        engine.useTransaction(c -> {
            c.execute(text("DROP INDEX ix_things_created" + (db.isMariadb() ? " ON things" : "")));
            c.execute(text("CREATE INDEX ix_other_name ON things (created, id)"));
        });
        assertThat(SchemaDiff.compare(md, engine).isEmpty()).isTrue();
    }

    @Test
    void aChangedPrimaryKeyIsDroppedAndAdded() {
        MetaData md = new MetaData();
        Table.of(
                "pairs",
                md,
                Column.of("a", INTEGER).primaryKey(),
                Column.of("b", INTEGER).notNull());
        md.createAll(engine);
        MetaData changed = new MetaData();
        Table.of("pairs", changed, Column.of("a", INTEGER), Column.of("b", INTEGER), PrimaryKeyConstraint.of("a", "b"));
        SchemaDiff diff = SchemaDiff.compare(changed, engine);
        assertThat(diff.summary()).containsExactly("drop primary key [a] on pairs", "add primary key [a, b] on pairs");
        engine.useTransaction(c -> {
            for (MigrationScript.Statement s : MigrationScript.render(diff).statements()) {
                c.execute(text(s.sql()));
            }
        });
        assertThat(SchemaDiff.compare(changed, engine).isEmpty()).isTrue();
    }
}
