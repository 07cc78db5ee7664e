package dev.alchemy.docs;

import static dev.alchemy.Alchemy.createEngine;
import static dev.alchemy.Alchemy.insert;
import static dev.alchemy.Alchemy.inspect;
import static dev.alchemy.Alchemy.text;
import static dev.alchemy.types.SqlTypes.BIGINT;
import static dev.alchemy.types.SqlTypes.DATETIME;
import static dev.alchemy.types.SqlTypes.INTEGER;
import static dev.alchemy.types.SqlTypes.VARCHAR;
import static dev.alchemy.types.SqlTypes.numeric;
import static dev.alchemy.types.SqlTypes.string;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.alchemy.dialect.Dialect;
import dev.alchemy.dialect.ReflectedColumn;
import dev.alchemy.dialect.ReflectedForeignKey;
import dev.alchemy.dialect.ReflectedIndex;
import dev.alchemy.dialect.ReflectedUniqueConstraint;
import dev.alchemy.engine.Connection;
import dev.alchemy.engine.Engine;
import dev.alchemy.engine.EngineDialect;
import dev.alchemy.exc.ArgumentError;
import dev.alchemy.exc.IntegrityError;
import dev.alchemy.schema.CheckConstraint;
import dev.alchemy.schema.Column;
import dev.alchemy.schema.DDL;
import dev.alchemy.schema.ForeignKey;
import dev.alchemy.schema.ForeignKeyConstraint;
import dev.alchemy.schema.Index;
import dev.alchemy.schema.Inspector;
import dev.alchemy.schema.MetaData;
import dev.alchemy.schema.PrimaryKeyConstraint;
import dev.alchemy.schema.Table;
import dev.alchemy.schema.UniqueConstraint;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Java snippets of {@code docs/schema.md} outside its "Types" section (those are {@link TypesDocTest}'s), each
 * between {@code tag::name[]} and {@code end::name[]}; {@link DocSnippetsTest} checks the page shows them as here.
 */
class SchemaDocTest {

    Engine engine;
    final List<String> executed = new CopyOnWriteArrayList<>();

    @BeforeEach
    void open() {
        engine = createEngine("sqlite:///:memory:");
        engine.addStatementListener(e -> executed.add(e.sql()));
    }

    @AfterEach
    void close() {
        engine.dispose();
    }

    Table users(MetaData metadata) {
        // tag::users[]
        Table users = Table.of(
                "users",
                metadata,
                Column.of("id", INTEGER).primaryKey(),
                Column.of("name", string(30)).notNull(),
                Column.of("fullname", VARCHAR));
        // end::users[]
        return users;
    }

    Table addresses(MetaData metadata) {
        // tag::addresses[]
        Table addresses = Table.of(
                "addresses",
                metadata,
                Column.of("id", INTEGER).primaryKey(),
                Column.of("user_id", INTEGER).notNull().references("users.id"),
                Column.of("email_address", VARCHAR).notNull());
        // end::addresses[]
        return addresses;
    }

    @Test
    void metadataHoldsTables() {
        // tag::metadata[]
        MetaData metadata = new MetaData();
        // end::metadata[]
        Table users = users(metadata);
        // tag::column-access[]
        Column<Object> name = users.c("name"); // users.c.name
        Column<String> typed = users.c("name", String.class); // its Java type checked
        List<Column<?>> key = users.primaryKey(); // [id]
        // end::column-access[]
        assertThat(name.name()).isEqualTo("name");
        assertThat(typed.type()).isEqualTo(string(30));
        assertThat(key).extracting(Column::name).containsExactly("id");
        assertThat(metadata.tables()).containsExactly(users);
        assertThatThrownBy(() -> users.c("nope"))
                .isInstanceOf(ArgumentError.class)
                .hasMessage("table 'users' has no column 'nope'; its columns: [id, name, fullname]");
    }

    @Test
    void createAllEmitsSqlalchemysDdl() {
        MetaData metadata = new MetaData();
        users(metadata);
        addresses(metadata);
        // tag::create-all[]
        metadata.createAll(engine);
        // end::create-all[]
        assertThat(executed).containsSubsequence("""
                        CREATE TABLE users (
                        \tid INTEGER NOT NULL,\s
                        \tname VARCHAR(30) NOT NULL,\s
                        \tfullname VARCHAR,\s
                        \tPRIMARY KEY (id)
                        )""", """
                        CREATE TABLE addresses (
                        \tid INTEGER NOT NULL,\s
                        \tuser_id INTEGER NOT NULL,\s
                        \temail_address VARCHAR NOT NULL,\s
                        \tPRIMARY KEY (id),\s
                        \tFOREIGN KEY(user_id) REFERENCES users (id)
                        )""");
        assertThat(executed).filteredOn(s -> s.startsWith("PRAGMA")).hasSize(4);
        // tag::drop-all[]
        metadata.dropAll(engine); // DROP TABLE addresses, then DROP TABLE users
        // end::drop-all[]
        assertThat(executed).endsWith("DROP TABLE addresses", "DROP TABLE users");
    }

    @Test
    void ddlTextForADialect() {
        MetaData metadata = new MetaData();
        Table users = users(metadata);
        // tag::ddl-text[]
        String sqlite = DDL.createTableSql(users, Dialect.of(engine));
        String postgresql = DDL.createTableSql(users, Dialect.of(EngineDialect.forName("postgresql")));
        // end::ddl-text[]
        assertThat(sqlite).startsWith("CREATE TABLE users (\n\tid INTEGER NOT NULL, ");
        assertThat(postgresql).startsWith("CREATE TABLE users (\n\tid SERIAL NOT NULL, ");
    }

    @Test
    void singleTables() {
        MetaData metadata = new MetaData();
        Table users = users(metadata);
        // tag::table-create[]
        users.create(engine); // CREATE TABLE users, without checking first: an existing table is an error
        users.create(engine, true); // checks first: the table exists, nothing happens
        boolean exists = users.exists(engine); // true
        users.drop(engine);
        // end::table-create[]
        assertThat(exists).isTrue();
        assertThat(users.exists(engine)).isFalse();
    }

    @Test
    void foreignKeys() {
        MetaData metadata = new MetaData();
        users(metadata);
        // tag::foreign-keys[]
        Table posts = Table.of(
                "posts",
                metadata,
                Column.of("id", INTEGER).primaryKey(),
                Column.of("author_id", INTEGER)
                        .notNull()
                        .references(ForeignKey.to("users.id").onDelete("CASCADE")),
                Column.of("editor_id", INTEGER)
                        .references(ForeignKey.to("users.id")
                                .name("fk_posts_editor")
                                .onDelete("SET NULL")));
        // end::foreign-keys[]
        assertThat(DDL.createTableSql(posts, Dialect.of(engine))).isEqualTo("""
                        CREATE TABLE posts (
                        \tid INTEGER NOT NULL,\s
                        \tauthor_id INTEGER NOT NULL,\s
                        \teditor_id INTEGER,\s
                        \tPRIMARY KEY (id),\s
                        \tFOREIGN KEY(author_id) REFERENCES users (id) ON DELETE CASCADE,\s
                        \tCONSTRAINT fk_posts_editor FOREIGN KEY(editor_id) REFERENCES users (id) ON DELETE SET NULL
                        )""");
        metadata.createAll(engine);
        try (Connection conn = engine.connect()) {
            conn.execute(text("INSERT INTO users (id, name) VALUES (1, 'ada')"));
            conn.execute(text("INSERT INTO posts (id, author_id) VALUES (1, 1)"));
            conn.execute(text("DELETE FROM users"));
            assertThat(conn.execute(text("SELECT count(*) FROM posts")).scalar(Integer.class))
                    .isZero();
        }
    }

    @Test
    void compositeKeys() {
        MetaData metadata = new MetaData();
        // tag::composite-keys[]
        Table.of(
                "sku",
                metadata,
                Column.of("vendor", string(10)),
                Column.of("code", string(20)),
                PrimaryKeyConstraint.of("vendor", "code").name("pk_sku"));
        Table stock = Table.of(
                "stock",
                metadata,
                Column.of("vendor", string(10)).notNull(),
                Column.of("code", string(20)).notNull(),
                Column.of("quantity", INTEGER),
                ForeignKeyConstraint.of(List.of("vendor", "code"), List.of("sku.vendor", "sku.code"))
                        .onDelete("CASCADE"));
        // end::composite-keys[]
        assertThat(DDL.createTableSql(metadata.table("sku"), Dialect.of(engine)))
                .isEqualTo("""
                        CREATE TABLE sku (
                        \tvendor VARCHAR(10) NOT NULL,\s
                        \tcode VARCHAR(20) NOT NULL,\s
                        \tCONSTRAINT pk_sku PRIMARY KEY (vendor, code)
                        )""");
        assertThat(DDL.createTableSql(stock, Dialect.of(engine)))
                .endsWith("\tFOREIGN KEY(vendor, code) REFERENCES sku (vendor, code) ON DELETE CASCADE\n)");
        metadata.createAll(engine);
    }

    @Test
    void autoincrement() {
        MetaData metadata = new MetaData();
        // tag::autoincrement[]
        Table events = Table.of(
                "events",
                metadata,
                Column.of("id", BIGINT).primaryKey(), // a Long key: generated
                Column.of("name", VARCHAR));
        Table tags = Table.of(
                "tags",
                metadata,
                Column.of("number", INTEGER).primaryKey().autoincrement(false), // you give the value
                Column.of("label", VARCHAR));
        // end::autoincrement[]
        assertThat(events.autoincrementColumn()).isSameAs(events.c("id"));
        assertThat(tags.autoincrementColumn()).isNull();
        assertThat(DDL.createTableSql(events, Dialect.of(engine))).contains("\tid INTEGER NOT NULL, ");
        assertThat(DDL.createTableSql(events, Dialect.of(EngineDialect.forName("postgresql"))))
                .contains("\tid BIGSERIAL NOT NULL, ");
        assertThat(DDL.createTableSql(tags, Dialect.of(EngineDialect.forName("postgresql"))))
                .contains("\tnumber INTEGER NOT NULL, ");
        metadata.createAll(engine);
        try (Connection conn = engine.connect()) {
            conn.execute(insert(events).values(Map.of("name", "started")));
            assertThat(conn.execute(text("SELECT id FROM events")).scalar()).isEqualTo(1);
        }
    }

    @Test
    void uniqueCheckAndNotNull() {
        MetaData metadata = new MetaData();
        // tag::unique-check[]
        Table products = Table.of(
                "products",
                metadata,
                Column.of("id", INTEGER).primaryKey(),
                Column.of("sku", string(20)).notNull().unique(),
                Column.of("vendor", string(10)),
                Column.of("name", string(50)),
                Column.of("price", numeric(10, 2)).check("price > 0"),
                Column.of("discount", numeric(10, 2)),
                UniqueConstraint.of("vendor", "name").name("uq_products_vendor_name"),
                CheckConstraint.of("discount < price").name("ck_products_discount"));
        // end::unique-check[]
        assertThat(DDL.createTableSql(products, Dialect.of(engine))).isEqualTo("""
                        CREATE TABLE products (
                        \tid INTEGER NOT NULL,\s
                        \tsku VARCHAR(20) NOT NULL,\s
                        \tvendor VARCHAR(10),\s
                        \tname VARCHAR(50),\s
                        \tprice NUMERIC(10, 2) CHECK (price > 0),\s
                        \tdiscount NUMERIC(10, 2),\s
                        \tPRIMARY KEY (id),\s
                        \tCONSTRAINT uq_products_vendor_name UNIQUE (vendor, name),\s
                        \tCONSTRAINT ck_products_discount CHECK (discount < price),\s
                        \tUNIQUE (sku)
                        )""");
        metadata.createAll(engine);
        try (Connection conn = engine.connect()) {
            // tag::integrity-error[]
            conn.execute(insert(products).values(Map.of("sku", "A-1", "price", new BigDecimal("9.90"))));
            assertThatThrownBy(() -> conn.execute(insert(products).values(Map.of("sku", "A-1"))))
                    .isInstanceOf(IntegrityError.class); // UNIQUE constraint failed: products.sku
            // end::integrity-error[]
        }
    }

    @Test
    void defaults() {
        MetaData metadata = new MetaData();
        // tag::defaults[]
        Table orders = Table.of(
                "orders",
                metadata,
                Column.of("id", INTEGER).primaryKey(),
                Column.of("status", string(10)).serverDefaultString("new"), // DEFAULT 'new'
                Column.of("created", DATETIME).serverDefault("CURRENT_TIMESTAMP"), // DEFAULT CURRENT_TIMESTAMP
                Column.of("priority", INTEGER).defaultValue(3), // set by Java on INSERT
                Column.of("received", DATETIME).defaultSupplier(LocalDateTime::now)); // computed on each INSERT
        // end::defaults[]
        assertThat(DDL.createTableSql(orders, Dialect.of(engine)))
                .contains("\tstatus VARCHAR(10) DEFAULT 'new', \n")
                .contains("\tcreated DATETIME DEFAULT CURRENT_TIMESTAMP, \n")
                .contains("\tpriority INTEGER, \n");
        metadata.createAll(engine);
        try (Connection conn = engine.connect()) {
            // tag::defaults-insert[]
            conn.execute(insert(orders).values(Map.of("id", 1)));
            // INSERT INTO orders (id, priority, received) VALUES (?, ?, ?)  with (1, 3, <now>)
            // end::defaults-insert[]
            Map<String, Object> row =
                    conn.execute(text("SELECT * FROM orders")).one().asMap();
            assertThat(row).containsEntry("status", "new").containsEntry("priority", 3);
            assertThat(row.get("created")).isNotNull();
            assertThat(row.get("received")).isNotNull();
        }
        assertThat(executed).contains("INSERT INTO orders (id, priority, received) VALUES (?, ?, ?)");
    }

    @Test
    void indexes() {
        MetaData metadata = new MetaData();
        // tag::indexes[]
        Table people = Table.of(
                "people",
                metadata,
                Column.of("id", INTEGER).primaryKey(),
                Column.of("email", string(100)).unique().index(), // CREATE UNIQUE INDEX ix_people_email
                Column.of("last_name", string(50)).index(), // CREATE INDEX ix_people_last_name
                Column.of("first_name", string(50)),
                Index.of("ix_people_full_name", "last_name", "first_name"));
        // end::indexes[]
        metadata.createAll(engine);
        assertThat(executed)
                .contains(
                        "CREATE INDEX ix_people_full_name ON people (last_name, first_name)",
                        "CREATE UNIQUE INDEX ix_people_email ON people (email)",
                        "CREATE INDEX ix_people_last_name ON people (last_name)");
        assertThat(people.indexes()).hasSize(3);
    }

    @Test
    void inspector() {
        MetaData metadata = new MetaData();
        users(metadata);
        addresses(metadata);
        Table.of(
                "emails",
                metadata,
                Column.of("id", INTEGER).primaryKey(),
                Column.of("address", string(100)).unique(),
                Column.of("sent", DATETIME).index());
        metadata.createAll(engine);
        // tag::inspector[]
        Inspector inspector = inspect(engine);
        List<String> tables = inspector.tableNames(); // [addresses, emails, users]
        List<ReflectedColumn> columns = inspector.columns("users");
        // [ReflectedColumn[name=id, type=INTEGER, nullable=false, serverDefault=null, primaryKey=1],
        //  ReflectedColumn[name=name, type=VARCHAR(30), nullable=false, serverDefault=null, primaryKey=0], ...]
        List<ReflectedForeignKey> foreignKeys = inspector.foreignKeys("addresses");
        // [ReflectedForeignKey[name=null, columns=[user_id], referredSchema=null, referredTable=users,
        //                      referredColumns=[id], onDelete=null, onUpdate=null]]
        List<ReflectedIndex> indexes = inspector.indexes("emails"); // [ix_emails_sent], not UNIQUE's own
        List<ReflectedUniqueConstraint> uniques = inspector.uniqueConstraints("emails"); // [null: [address]]
        // end::inspector[]
        assertThat(tables).containsExactly("addresses", "emails", "users");
        assertThat(columns)
                .containsExactly(
                        new ReflectedColumn("id", "INTEGER", false, null, 1),
                        new ReflectedColumn("name", "VARCHAR(30)", false, null, 0),
                        new ReflectedColumn("fullname", "VARCHAR", true, null, 0));
        assertThat(foreignKeys)
                .containsExactly(
                        new ReflectedForeignKey(null, List.of("user_id"), null, "users", List.of("id"), null, null));
        assertThat(indexes).containsExactly(new ReflectedIndex("ix_emails_sent", List.of("sent"), false));
        assertThat(uniques).containsExactly(new ReflectedUniqueConstraint(null, List.of("address")));
    }

    /** The SQL blocks of the page are the DDL these tables really produce. */
    @Test
    void sqlShownOnThePageIsTheRealDdl() throws java.io.IOException {
        java.nio.file.Path dir = java.nio.file.Path.of("").toAbsolutePath();
        while (!java.nio.file.Files.isDirectory(dir.resolve("docs"))) {
            dir = dir.getParent();
        }
        String page = java.nio.file.Files.readString(dir.resolve("docs/schema.md"));
        MetaData metadata = new MetaData();
        Dialect sqlite = Dialect.of(engine);
        Table users = users(metadata);
        Table addresses = addresses(metadata);
        assertThat(page)
                .contains("```sql\n" + DDL.createTableSql(users, sqlite) + "\n\n"
                        + DDL.createTableSql(addresses, sqlite) + "\n```");
        Table posts = Table.of(
                "posts",
                metadata,
                Column.of("id", INTEGER).primaryKey(),
                Column.of("author_id", INTEGER)
                        .notNull()
                        .references(ForeignKey.to("users.id").onDelete("CASCADE")),
                Column.of("editor_id", INTEGER)
                        .references(ForeignKey.to("users.id")
                                .name("fk_posts_editor")
                                .onDelete("SET NULL")));
        Table sku = Table.of(
                "sku",
                metadata,
                Column.of("vendor", string(10)),
                Column.of("code", string(20)),
                PrimaryKeyConstraint.of("vendor", "code").name("pk_sku"));
        Table products = Table.of(
                "products",
                metadata,
                Column.of("id", INTEGER).primaryKey(),
                Column.of("sku", string(20)).notNull().unique(),
                Column.of("vendor", string(10)),
                Column.of("name", string(50)),
                Column.of("price", numeric(10, 2)).check("price > 0"),
                Column.of("discount", numeric(10, 2)),
                UniqueConstraint.of("vendor", "name").name("uq_products_vendor_name"),
                CheckConstraint.of("discount < price").name("ck_products_discount"));
        for (Table t : List.of(posts, sku, products)) {
            assertThat(page).contains("```sql\n" + DDL.createTableSql(t, sqlite) + "\n```");
        }
    }
}
