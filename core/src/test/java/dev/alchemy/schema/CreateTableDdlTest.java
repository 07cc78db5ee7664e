package dev.alchemy.schema;

import static dev.alchemy.types.SqlTypes.BIGINT;
import static dev.alchemy.types.SqlTypes.BOOLEAN;
import static dev.alchemy.types.SqlTypes.INTEGER;
import static dev.alchemy.types.SqlTypes.TEXT;
import static dev.alchemy.types.SqlTypes.VARCHAR;
import static dev.alchemy.types.SqlTypes.string;
import static org.assertj.core.api.Assertions.assertThat;

import dev.alchemy.dialect.Dialect;
import dev.alchemy.engine.EngineDialect;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * CREATE TABLE, CREATE INDEX and DROP text compared with SQLAlchemy's output, character for character
 * (/work/notes/sqlalchemy-reference.md §1). Types other engineers own are replaced by ones that exist; the lines
 * that matter here (keys, constraints, defaults, quoting) are SQLAlchemy's.
 */
class CreateTableDdlTest {

    static final Dialect SQLITE = Dialect.of(EngineDialect.forName("sqlite"));
    static final Dialect PG = Dialect.of(EngineDialect.forName("postgresql"));

    MetaData metadata = new MetaData();

    static String sqlite(Table table) {
        return DDL.createTableSql(table, SQLITE);
    }

    static String pg(Table table) {
        return DDL.createTableSql(table, PG);
    }

    @Test
    void seedModelReadsExactlyAsSqlalchemys() {
        Table users = Table.of(
                "users",
                metadata,
                Column.of("id", INTEGER).primaryKey(),
                Column.of("name", VARCHAR),
                Column.of("email", VARCHAR));
        assertThat(sqlite(users))
                .isEqualTo("CREATE TABLE users (\n\tid INTEGER NOT NULL, \n\tname VARCHAR, \n\temail VARCHAR, \n\t"
                        + "PRIMARY KEY (id)\n)");
        // SQLAlchemy's str(CreateTable(...)) adds "\n" before and "\n\n" after; the executed statement leaves them out
        assertThat(DDL.createTable(users, SQLITE).toString()).isEqualTo(sqlite(users));
        // §1.2: the integer key autoincrements with SERIAL on PostgreSQL
        assertThat(pg(users)).isEqualTo("""
                        CREATE TABLE users (
                        \tid SERIAL NOT NULL,\s
                        \tname VARCHAR,\s
                        \temail VARCHAR,\s
                        \tPRIMARY KEY (id)
                        )""");
        assertThat(DDL.dropTable(users, SQLITE).toString()).isEqualTo("DROP TABLE users");
    }

    @Test
    void compositeKeysNeverAutoincrement() {
        Table composite = Table.of(
                "composite",
                metadata,
                Column.of("a", INTEGER).primaryKey(),
                Column.of("b", string(10)).primaryKey(),
                Column.of("v", VARCHAR));
        Table compositeInt = Table.of(
                "composite_int",
                metadata,
                Column.of("a", INTEGER).primaryKey(),
                Column.of("b", INTEGER).primaryKey());
        String expected = """
                CREATE TABLE composite (
                \ta INTEGER NOT NULL,\s
                \tb VARCHAR(10) NOT NULL,\s
                \tv VARCHAR,\s
                \tPRIMARY KEY (a, b)
                )""";
        assertThat(sqlite(composite)).isEqualTo(expected);
        assertThat(pg(composite)).isEqualTo(expected);
        String expectedInt = """
                CREATE TABLE composite_int (
                \ta INTEGER NOT NULL,\s
                \tb INTEGER NOT NULL,\s
                \tPRIMARY KEY (a, b)
                )""";
        assertThat(sqlite(compositeInt)).isEqualTo(expectedInt);
        assertThat(pg(compositeInt)).isEqualTo(expectedInt);
        assertThat(compositeInt.autoincrementColumn()).isNull();
    }

    @Test
    void autoincrementTrueReadsAsTheDefaultAndFalseLosesSerial() {
        Table explicit = Table.of(
                "ai_explicit", metadata, Column.of("id", INTEGER).primaryKey().autoincrement(true));
        Table off = Table.of(
                "ai_false", metadata, Column.of("id", INTEGER).primaryKey().autoincrement(false));
        assertThat(sqlite(explicit))
                .isEqualTo("CREATE TABLE ai_explicit (\n\tid INTEGER NOT NULL, \n\tPRIMARY KEY (id)\n)");
        assertThat(pg(explicit)).isEqualTo("CREATE TABLE ai_explicit (\n\tid SERIAL NOT NULL, \n\tPRIMARY KEY (id)\n)");
        assertThat(sqlite(off)).isEqualTo("CREATE TABLE ai_false (\n\tid INTEGER NOT NULL, \n\tPRIMARY KEY (id)\n)");
        assertThat(pg(off)).isEqualTo("CREATE TABLE ai_false (\n\tid INTEGER NOT NULL, \n\tPRIMARY KEY (id)\n)");
        assertThat(off.autoincrementColumn()).isNull();
    }

    /**
     * DESIGN.md §7: unlike SQLAlchemy (§1.9, {@code id BIGINT NOT NULL}, no rowid alias), a Long key renders INTEGER on
     * SQLite so that it autoincrements; elsewhere it stays BIGINT (BIGSERIAL on PostgreSQL, as SQLAlchemy).
     */
    @Test
    void longKeyIsTheRowidAliasOnSqliteAndBigserialOnPostgresql() {
        Table bigpk = Table.of("bigpk", metadata, Column.of("id", BIGINT).primaryKey(), Column.of("x", VARCHAR));
        assertThat(sqlite(bigpk)).isEqualTo("""
                CREATE TABLE bigpk (
                \tid INTEGER NOT NULL,\s
                \tx VARCHAR,\s
                \tPRIMARY KEY (id)
                )""");
        assertThat(pg(bigpk)).isEqualTo("""
                CREATE TABLE bigpk (
                \tid BIGSERIAL NOT NULL,\s
                \tx VARCHAR,\s
                \tPRIMARY KEY (id)
                )""");
        Table manual = Table.of(
                "bigpk_manual", metadata, Column.of("id", BIGINT).primaryKey().autoincrement(false));
        assertThat(sqlite(manual))
                .isEqualTo("CREATE TABLE bigpk_manual (\n\tid BIGINT NOT NULL, \n\tPRIMARY KEY (id)\n)");
        // a Long column of a composite key keeps BIGINT even when it autoincrements (only a sole key aliases rowid)
        Table pair = Table.of(
                "pair",
                metadata,
                Column.of("id", BIGINT).primaryKey().autoincrement(true),
                Column.of("k", INTEGER).primaryKey());
        assertThat(sqlite(pair)).startsWith("CREATE TABLE pair (\n\tid BIGINT NOT NULL, ");
        assertThat(pg(pair)).startsWith("CREATE TABLE pair (\n\tid BIGSERIAL NOT NULL, ");
    }

    @Test
    void stringKeyHasNoAutoincrement() {
        Table strpk = Table.of("strpk", metadata, Column.of("code", string(10)).primaryKey());
        String expected = "CREATE TABLE strpk (\n\tcode VARCHAR(10) NOT NULL, \n\tPRIMARY KEY (code)\n)";
        assertThat(sqlite(strpk)).isEqualTo(expected);
        assertThat(pg(strpk)).isEqualTo(expected);
    }

    @Test
    void namedPrimaryKeyConstraintSetsTheKeyAndItsOrder() {
        Table comp = Table.of(
                "comp",
                metadata,
                Column.of("a", INTEGER),
                Column.of("b", string(5)),
                PrimaryKeyConstraint.of("a", "b").name("pk_comp"));
        assertThat(sqlite(comp)).isEqualTo("""
                CREATE TABLE comp (
                \ta INTEGER NOT NULL,\s
                \tb VARCHAR(5) NOT NULL,\s
                \tCONSTRAINT pk_comp PRIMARY KEY (a, b)
                )""");
        // §1.12 pk_last: PrimaryKeyConstraint("b", "a") declared last still comes first, in its own order
        Table pkLast = Table.of(
                "pk_last",
                metadata,
                Column.of("a", INTEGER).unique(),
                Column.of("b", INTEGER),
                PrimaryKeyConstraint.of("b", "a"));
        assertThat(sqlite(pkLast)).isEqualTo("""
                CREATE TABLE pk_last (
                \ta INTEGER NOT NULL,\s
                \tb INTEGER NOT NULL,\s
                \tPRIMARY KEY (b, a),\s
                \tUNIQUE (a)
                )""");
        assertThat(pkLast.primaryKey()).extracting(Column::name).containsExactly("b", "a");
        assertThat(pkLast.c("a").isPrimaryKey()).isTrue();
    }

    @Test
    void foreignKeysWithActionsAndNames() {
        Table parent = Table.of(
                "parent",
                metadata,
                Column.of("id", INTEGER).primaryKey(),
                Column.of("name", string(50)).notNull());
        Table child = Table.of(
                "child",
                metadata,
                Column.of("id", INTEGER).primaryKey(),
                Column.of("parent_id", INTEGER)
                        .notNull()
                        .references(
                                ForeignKey.to("parent.id").onDelete("CASCADE").onUpdate("CASCADE")),
                Column.of("other_id", INTEGER).references("parent.id"),
                Column.of("named_fk_id", INTEGER)
                        .references(ForeignKey.to("parent.id").name("fk_named").onDelete("SET NULL")));
        assertThat(sqlite(parent)).isEqualTo("""
                CREATE TABLE parent (
                \tid INTEGER NOT NULL,\s
                \tname VARCHAR(50) NOT NULL,\s
                \tPRIMARY KEY (id)
                )""");
        String childSql = """
                CREATE TABLE child (
                \tid %s NOT NULL,\s
                \tparent_id INTEGER NOT NULL,\s
                \tother_id INTEGER,\s
                \tnamed_fk_id INTEGER,\s
                \tPRIMARY KEY (id),\s
                \tFOREIGN KEY(parent_id) REFERENCES parent (id) ON DELETE CASCADE ON UPDATE CASCADE,\s
                \tFOREIGN KEY(other_id) REFERENCES parent (id),\s
                \tCONSTRAINT fk_named FOREIGN KEY(named_fk_id) REFERENCES parent (id) ON DELETE SET NULL
                )""";
        assertThat(sqlite(child)).isEqualTo(childSql.formatted("INTEGER"));
        assertThat(pg(child)).isEqualTo(childSql.formatted("SERIAL"));
        assertThat(child.foreignKeys())
                .extracting(ForeignKeyConstraint::name, ForeignKeyConstraint::columns)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(null, List.of("parent_id")),
                        org.assertj.core.groups.Tuple.tuple(null, List.of("other_id")),
                        org.assertj.core.groups.Tuple.tuple("fk_named", List.of("named_fk_id")));
    }

    @Test
    void compositeForeignKeyConstraint() {
        Table.of(
                "comp",
                metadata,
                Column.of("x", INTEGER).primaryKey(),
                Column.of("y", INTEGER).primaryKey());
        Table child2 = Table.of(
                "child2",
                metadata,
                Column.of("a", INTEGER),
                Column.of("b", INTEGER),
                ForeignKeyConstraint.of(List.of("a", "b"), List.of("comp.x", "comp.y"))
                        .onDelete("CASCADE"));
        String expected = """
                CREATE TABLE child2 (
                \ta INTEGER,\s
                \tb INTEGER,\s
                \tFOREIGN KEY(a, b) REFERENCES comp (x, y) ON DELETE CASCADE
                )""";
        assertThat(sqlite(child2)).isEqualTo(expected);
        assertThat(pg(child2)).isEqualTo(expected);
    }

    /** §1.11's {@code cons} table, with the columns whose types exist so far. */
    @Test
    void uniqueCheckNotNullAndServerDefaults() {
        Table cons = Table.of(
                "cons",
                metadata,
                Column.of("id", INTEGER).primaryKey(),
                Column.of("email", string(100)).unique(),
                Column.of("a", INTEGER).notNull(),
                Column.of("b", INTEGER),
                Column.of("price", INTEGER).check("price > 0"),
                Column.of("status", string(20)).serverDefaultString("new"),
                Column.of("created2", VARCHAR).serverDefault("CURRENT_TIMESTAMP"),
                Column.of("n", INTEGER).serverDefault("0"),
                Column.of("pydefault", INTEGER).defaultValue(5),
                UniqueConstraint.of("a", "b"),
                UniqueConstraint.of("a").name("uq_cons_a"),
                CheckConstraint.of("a < 100"),
                CheckConstraint.of("b > a").name("ck_b_gt_a"));
        String expected = """
                CREATE TABLE cons (
                \tid %s NOT NULL,\s
                \temail VARCHAR(100),\s
                \ta INTEGER NOT NULL,\s
                \tb INTEGER,\s
                \tprice INTEGER CHECK (price > 0),\s
                \tstatus VARCHAR(20) DEFAULT 'new',\s
                \tcreated2 VARCHAR DEFAULT CURRENT_TIMESTAMP,\s
                \tn INTEGER DEFAULT 0,\s
                \tpydefault INTEGER,\s
                \tPRIMARY KEY (id),\s
                \tUNIQUE (a, b),\s
                \tCONSTRAINT uq_cons_a UNIQUE (a),\s
                \tCHECK (a < 100),\s
                \tCONSTRAINT ck_b_gt_a CHECK (b > a),\s
                \tUNIQUE (email)
                )""";
        assertThat(sqlite(cons)).isEqualTo(expected.formatted("INTEGER"));
        assertThat(pg(cons)).isEqualTo(expected.formatted("SERIAL"));
    }

    @Test
    void serverDefaultGoesBeforeNotNullAndQuotesEmbeddedQuotes() {
        Table t = Table.of(
                "t",
                metadata,
                Column.of("id", INTEGER).primaryKey(),
                Column.of("note", TEXT).notNull().serverDefaultString("it's"),
                Column.of("active", BOOLEAN).serverDefault("1"));
        assertThat(sqlite(t))
                .contains("\tnote TEXT DEFAULT 'it''s' NOT NULL, \n")
                .contains("\tactive BOOLEAN DEFAULT 1, \n");
    }

    /**
     * An expression default renders without SQLAlchemy 1.4's parentheses: 2.0 writes {@code DEFAULT
     * CURRENT_TIMESTAMP} where 1.4 wrote {@code DEFAULT (CURRENT_TIMESTAMP)} (§1.11); we follow 2.0.
     */
    @Test
    void expressionServerDefaultFollowsSqlalchemy20WithoutParentheses() {
        Table t = Table.of(
                "t",
                metadata,
                Column.of("id", INTEGER).primaryKey(),
                Column.of("created", VARCHAR).serverDefault(compiler -> compiler.append("CURRENT_TIMESTAMP")),
                Column.of("lowered", VARCHAR)
                        .serverDefault(new dev.alchemy.sql.FunctionCall<>(
                                "lower", List.of(dev.alchemy.sql.ColumnClause.of("x", VARCHAR)), VARCHAR)));
        assertThat(sqlite(t))
                .contains("\tcreated VARCHAR DEFAULT CURRENT_TIMESTAMP, \n")
                .contains("\tlowered VARCHAR DEFAULT lower(x), \n");
    }

    @Test
    void namedInlineColumnCheck() {
        Table t = Table.of(
                "nc",
                metadata,
                Column.of("id", INTEGER).primaryKey(),
                Column.of("age", INTEGER).check(CheckConstraint.of("age > 0").name("ck_nc_positive_age")));
        assertThat(sqlite(t)).contains("\tage INTEGER CONSTRAINT ck_nc_positive_age CHECK (age > 0), \n");
    }

    /** §1.12: explicit constraints in argument order, then those of column shortcuts interleaved by column. */
    @Test
    void constraintOrderFollowsSqlalchemy() {
        Table.of("p", metadata, Column.of("id", INTEGER).primaryKey());
        Table orderTest = Table.of(
                "order_test",
                metadata,
                Column.of("id", INTEGER).primaryKey(),
                Column.of("u1", INTEGER).unique(),
                Column.of("f1", INTEGER).references("p.id"),
                Column.of("u2", INTEGER).unique(),
                Column.of("f2", INTEGER).references("p.id"),
                Column.of("c1", INTEGER).check("c1 > 0"),
                CheckConstraint.of("u1 < 10").name("ck_explicit"),
                UniqueConstraint.of("u1", "u2").name("uq_explicit"),
                ForeignKeyConstraint.of(List.of("f1", "f2"), List.of("p.id", "p.id"))
                        .name("fk_explicit"),
                Column.of("late", INTEGER));
        assertThat(sqlite(orderTest)).isEqualTo("""
                CREATE TABLE order_test (
                \tid INTEGER NOT NULL,\s
                \tu1 INTEGER,\s
                \tf1 INTEGER,\s
                \tu2 INTEGER,\s
                \tf2 INTEGER,\s
                \tc1 INTEGER CHECK (c1 > 0),\s
                \tlate INTEGER,\s
                \tPRIMARY KEY (id),\s
                \tCONSTRAINT ck_explicit CHECK (u1 < 10),\s
                \tCONSTRAINT uq_explicit UNIQUE (u1, u2),\s
                \tCONSTRAINT fk_explicit FOREIGN KEY(f1, f2) REFERENCES p (id, id),\s
                \tUNIQUE (u1),\s
                \tFOREIGN KEY(f1) REFERENCES p (id),\s
                \tUNIQUE (u2),\s
                \tFOREIGN KEY(f2) REFERENCES p (id)
                )""");
    }

    /** §1.13: indexes are separate statements; {@code index()} names them {@code ix_<table>_<column>}. */
    @Test
    void indexesAreSeparateStatements() {
        Table idx = Table.of(
                "idx",
                metadata,
                Column.of("id", INTEGER).primaryKey(),
                Column.of("name", string(50)).index(),
                Column.of("email", string(50)).index().unique(),
                Column.of("a", INTEGER),
                Column.of("b", INTEGER),
                Index.of("ix_idx_a_b", "a", "b"),
                Index.unique("uq_idx_ab", "a", "b"));
        assertThat(sqlite(idx)).isEqualTo("""
                CREATE TABLE idx (
                \tid INTEGER NOT NULL,\s
                \tname VARCHAR(50),\s
                \temail VARCHAR(50),\s
                \ta INTEGER,\s
                \tb INTEGER,\s
                \tPRIMARY KEY (id)
                )""");
        assertThat(idx.indexes())
                .extracting(i -> DDL.createIndex(idx, i, SQLITE).toString())
                .containsExactly(
                        "CREATE INDEX ix_idx_a_b ON idx (a, b)",
                        "CREATE UNIQUE INDEX uq_idx_ab ON idx (a, b)",
                        "CREATE INDEX ix_idx_name ON idx (name)",
                        "CREATE UNIQUE INDEX ix_idx_email ON idx (email)");
        assertThat(idx.indexes())
                .extracting(i -> DDL.createIndex(idx, i, PG).toString())
                .contains("CREATE INDEX ix_idx_name ON idx (name)");
        assertThat(DDL.dropIndex(idx, idx.indexes().get(0), SQLITE).toString()).isEqualTo("DROP INDEX ix_idx_a_b");
    }

    /** §1.14: SQLite leaves {@code user} alone, PostgreSQL quotes it; reserved words and capitals are quoted. */
    @Test
    void identifiersAreQuotedOnlyWhereNeeded() {
        Table user = Table.of(
                "user",
                metadata,
                Column.of("id", INTEGER).primaryKey(),
                Column.of("order", INTEGER),
                Column.of("user", string(20)),
                Column.of("Mixed Case", string(20)),
                Column.of("with space", string(20)),
                Column.of("MixedCase", string(20)),
                Column.of("lower_ok", string(20)),
                Column.of("select", INTEGER).index());
        assertThat(sqlite(user)).isEqualTo("""
                CREATE TABLE user (
                \tid INTEGER NOT NULL,\s
                \t"order" INTEGER,\s
                \tuser VARCHAR(20),\s
                \t"Mixed Case" VARCHAR(20),\s
                \t"with space" VARCHAR(20),\s
                \t"MixedCase" VARCHAR(20),\s
                \tlower_ok VARCHAR(20),\s
                \t"select" INTEGER,\s
                \tPRIMARY KEY (id)
                )""");
        assertThat(pg(user)).isEqualTo("""
                CREATE TABLE "user" (
                \tid SERIAL NOT NULL,\s
                \t"order" INTEGER,\s
                \t"user" VARCHAR(20),\s
                \t"Mixed Case" VARCHAR(20),\s
                \t"with space" VARCHAR(20),\s
                \t"MixedCase" VARCHAR(20),\s
                \tlower_ok VARCHAR(20),\s
                \t"select" INTEGER,\s
                \tPRIMARY KEY (id)
                )""");
        Index ix = user.indexes().get(0);
        assertThat(DDL.createIndex(user, ix, SQLITE).toString())
                .isEqualTo("CREATE INDEX ix_user_select ON user (\"select\")");
        assertThat(DDL.createIndex(user, ix, PG).toString())
                .isEqualTo("CREATE INDEX ix_user_select ON \"user\" (\"select\")");
        assertThat(DDL.dropTable(user, SQLITE).toString()).isEqualTo("DROP TABLE user");
        assertThat(DDL.dropTable(user, PG).toString()).isEqualTo("DROP TABLE \"user\"");

        Table orderItems =
                Table.of("Order Items", metadata, Column.of("ID", INTEGER).primaryKey());
        assertThat(sqlite(orderItems))
                .isEqualTo("CREATE TABLE \"Order Items\" (\n\t\"ID\" INTEGER NOT NULL, \n\tPRIMARY KEY (\"ID\")\n)");
        assertThat(pg(orderItems))
                .isEqualTo("CREATE TABLE \"Order Items\" (\n\t\"ID\" SERIAL NOT NULL, \n\tPRIMARY KEY (\"ID\")\n)");
    }

    @Test
    void quotedNamesInConstraintsAndForeignKeys() {
        Table.of("Order Items", metadata, Column.of("ID", INTEGER).primaryKey());
        Table line = Table.of(
                "line",
                metadata,
                Column.of("order", INTEGER)
                        .references(ForeignKey.to("Order Items.ID").name("Fk Order")),
                Column.of("Qty", INTEGER)
                        .check(CheckConstraint.of("\"Qty\" > 0").name("ck qty")),
                UniqueConstraint.of("order", "Qty").name("UQ"));
        assertThat(sqlite(line)).isEqualTo("""
                CREATE TABLE line (
                \t"order" INTEGER,\s
                \t"Qty" INTEGER CONSTRAINT "ck qty" CHECK ("Qty" > 0),\s
                \tCONSTRAINT "UQ" UNIQUE ("order", "Qty"),\s
                \tCONSTRAINT "Fk Order" FOREIGN KEY("order") REFERENCES "Order Items" ("ID")
                )""");
    }

    // SQLAlchemy names the index after column_0_label, which includes the schema (checked with 1.4's CreateIndex)
    @Test
    void tablesInASchemaAreQualified() {
        Table.inSchema("sales", "account", metadata, Column.of("id", INTEGER).primaryKey());
        Table entry = Table.inSchema(
                "sales",
                "entry",
                metadata,
                Column.of("id", INTEGER).primaryKey(),
                Column.of("account_id", INTEGER).references("sales.account.id").index());
        assertThat(pg(entry)).isEqualTo("""
                CREATE TABLE sales.entry (
                \tid SERIAL NOT NULL,\s
                \taccount_id INTEGER,\s
                \tPRIMARY KEY (id),\s
                \tFOREIGN KEY(account_id) REFERENCES sales.account (id)
                )""");
        assertThat(DDL.createIndex(entry, entry.indexes().get(0), PG).toString())
                .isEqualTo("CREATE INDEX ix_sales_entry_account_id ON sales.entry (account_id)");
        assertThat(DDL.dropIndex(entry, entry.indexes().get(0), PG).toString())
                .isEqualTo("DROP INDEX sales.ix_sales_entry_account_id");
    }

    /** The ALTER statements SQLAlchemy emits for foreign keys of a cycle (checked with 1.4's mock engine). */
    @Test
    void addAndDropConstraintStatements() {
        Table.of(
                "a",
                metadata,
                Column.of("id", INTEGER).primaryKey(),
                Column.of("b_id", INTEGER).references("b.id"));
        Table b = Table.of(
                "b",
                metadata,
                Column.of("id", INTEGER).primaryKey(),
                Column.of("a_id", INTEGER).references(ForeignKey.to("a.id").name("fk_b_a")));
        Table a = metadata.table("a");
        assertThat(DDL.addConstraint(a, a.foreignKeys().get(0), PG).toString())
                .isEqualTo("ALTER TABLE a ADD FOREIGN KEY(b_id) REFERENCES b (id)");
        assertThat(DDL.addConstraint(b, b.foreignKeys().get(0), PG).toString())
                .isEqualTo("ALTER TABLE b ADD CONSTRAINT fk_b_a FOREIGN KEY(a_id) REFERENCES a (id)");
        assertThat(DDL.dropConstraint(b, "fk_b_a", PG).toString()).isEqualTo("ALTER TABLE b DROP CONSTRAINT fk_b_a");
    }
}
