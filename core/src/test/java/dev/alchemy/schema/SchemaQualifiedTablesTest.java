package dev.alchemy.schema;

import static dev.alchemy.Alchemy.insert;
import static dev.alchemy.Alchemy.inspect;
import static dev.alchemy.Alchemy.select;
import static dev.alchemy.Alchemy.text;
import static dev.alchemy.types.SqlTypes.INTEGER;
import static dev.alchemy.types.SqlTypes.string;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.alchemy.dialect.Dialect;
import dev.alchemy.dialect.ReflectedColumn;
import dev.alchemy.dialect.ReflectedForeignKey;
import dev.alchemy.dialect.ReflectedIndex;
import dev.alchemy.engine.Connection;
import dev.alchemy.engine.Engine;
import dev.alchemy.engine.Row;
import dev.alchemy.orm.Base;
import dev.alchemy.orm.Relationship;
import dev.alchemy.orm.Session;
import dev.alchemy.orm.SessionFactory;
import dev.alchemy.testing.OnDatabases;
import dev.alchemy.testing.TestDatabase;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;

/**
 * Tables in a PostgreSQL schema ({@code Table.inSchema}, {@code @Table(schema = ...)}): DDL, createAll/dropAll with
 * check-first per schema, statements, the inspector and the ORM. A table of the same name in {@code public} stays a
 * different table. (SQLite's counterpart, attached databases, is not supported.)
 */
@OnDatabases(TestDatabase.Kind.POSTGRESQL)
class SchemaQualifiedTablesTest {

    @Parameter
    TestDatabase db;

    Engine engine;
    Dialect dialect;
    final List<String> sql = new CopyOnWriteArrayList<>();

    MetaData metadata = new MetaData();
    Table users;
    Table warehouses;
    Table items;
    Table publicItems;

    @BeforeEach
    void defineAndCreateSchema() {
        engine = db.createEngine();
        dialect = Dialect.of(engine);
        engine.useTransaction(conn -> conn.execute(DDL.createSchema("inventory", dialect)));
        engine.addStatementListener(e -> sql.add(e.sql()));
        users = Table.of("users", metadata, Column.of("id", INTEGER).primaryKey(), Column.of("name", string(50)));
        warehouses = Table.inSchema(
                "inventory",
                "warehouses",
                metadata,
                Column.of("id", INTEGER).primaryKey(),
                Column.of("city", string(50)).notNull());
        items = Table.inSchema(
                "inventory",
                "items",
                metadata,
                Column.of("id", INTEGER).primaryKey(),
                Column.of("name", string(50)).index(),
                Column.of("warehouse_id", INTEGER).references("inventory.warehouses.id"),
                Column.of("owner_id", INTEGER).references("users.id"));
        publicItems =
                Table.of("items", metadata, Column.of("id", INTEGER).primaryKey(), Column.of("label", string(20)));
    }

    @AfterEach
    void dropEverything() {
        db.reset(); // drops schema inventory too
    }

    @Test
    void ddlNamesTheSchemaAsSqlalchemyDoes() {
        // SQLAlchemy 2.0, postgresql dialect: str(CreateTable(items)), str(CreateIndex(...)), str(CreateSchema(...))
        assertThat(DDL.createTableSql(items, dialect)).isEqualTo("""
                        CREATE TABLE inventory.items (
                        \tid SERIAL NOT NULL,\s
                        \tname VARCHAR(50),\s
                        \twarehouse_id INTEGER,\s
                        \towner_id INTEGER,\s
                        \tPRIMARY KEY (id),\s
                        \tFOREIGN KEY(warehouse_id) REFERENCES inventory.warehouses (id),\s
                        \tFOREIGN KEY(owner_id) REFERENCES users (id)
                        )""");
        assertThat(items.indexes()).extracting(Index::name).containsExactly("ix_inventory_items_name");
        assertThat(DDL.createIndexSql(items, items.indexes().get(0), dialect))
                .isEqualTo("CREATE INDEX ix_inventory_items_name ON inventory.items (name)");
        assertThat(DDL.createSchema("inventory", dialect).toString()).isEqualTo("CREATE SCHEMA inventory");
        assertThat(DDL.dropSchema("Stock Room", true, dialect).toString())
                .isEqualTo("DROP SCHEMA \"Stock Room\" CASCADE");
    }

    @Test
    void createAllChecksEachSchemaAndDropAllRemovesBoth() {
        metadata.createAll(engine); // in SQLAlchemy's order (checked with its create_all on a mock engine)
        assertThat(sql.stream().filter(s -> s.startsWith("CREATE")).map(s -> s.split(" \\(")[0]))
                .containsExactly(
                        "CREATE TABLE users",
                        "CREATE TABLE inventory.warehouses",
                        "CREATE TABLE items",
                        "CREATE TABLE inventory.items",
                        "CREATE INDEX ix_inventory_items_name ON inventory.items");
        sql.clear();
        metadata.createAll(engine); // every table exists now, each in its own schema: nothing to do
        assertThat(sql).noneMatch(s -> s.startsWith("CREATE"));
        assertThat(inspect(engine).tableNames()).containsExactly("items", "users");
        assertThat(inspect(engine).tableNames("inventory")).containsExactly("items", "warehouses");

        metadata.drop(engine, List.of(publicItems), true);
        assertThat(inspect(engine).hasTable("items")).isFalse();
        assertThat(inspect(engine).hasTable("inventory", "items")).isTrue();
        metadata.createAll(engine);
        assertThat(inspect(engine).hasTable("items")).isTrue();

        metadata.dropAll(engine);
        assertThat(inspect(engine).tableNames()).isEmpty();
        assertThat(inspect(engine).tableNames("inventory")).isEmpty();
    }

    @Test
    void statementsQualifyTablesAndJoinAcrossSchemas() {
        metadata.createAll(engine);
        try (Connection conn = engine.connect()) {
            conn.execute(insert(users).values(Map.of("name", "Ann")));
            Row warehouse = conn.execute(
                            insert(warehouses).values(Map.of("city", "Oslo")).returning(warehouses.c("id")))
                    .one();
            conn.execute(
                    insert(items).values(Map.of("name", "crate", "warehouse_id", warehouse.get("id"), "owner_id", 1)));
            conn.execute(insert(publicItems).values(Map.of("label", "not in inventory")));

            var stmt = select(
                            items.c("name"),
                            warehouses.c("city"),
                            users.c("name").label("owner"))
                    .selectFrom(items.join(warehouses).join(users))
                    .where(warehouses.c("city").eq("Oslo"));
            assertThat(stmt.compile(engine.dialect()).sql())
                    .isEqualTo("SELECT inventory.items.name, inventory.warehouses.city, users.name AS owner \nFROM"
                            + " inventory.items JOIN inventory.warehouses ON inventory.warehouses.id ="
                            + " inventory.items.warehouse_id JOIN users ON users.id = inventory.items.owner_id"
                            + " \nWHERE inventory.warehouses.city = ?");
            assertThat(conn.execute(stmt).all())
                    .extracting(r -> r.get(0), r -> r.get(1), r -> r.get(2))
                    .containsExactly(tuple("crate", "Oslo", "Ann"));

            conn.execute(dev.alchemy.Alchemy.update(items)
                    .where(items.c("name").eq("crate"))
                    .values(Map.of("name", "box")));
            assertThat(conn.execute(select(items.c("name"))).scalars()).containsExactly("box");
            assertThat(conn.execute(select(publicItems.c("label"))).scalars()).containsExactly("not in inventory");
            conn.execute(dev.alchemy.Alchemy.delete(items).where(items.c("name").eq("box")));
            assertThat(conn.execute(text("SELECT count(*) FROM inventory.items"))
                            .scalar(Long.class))
                    .isZero();
            conn.commit();
        }
    }

    @Test
    void theInspectorReadsEachSchema() {
        metadata.createAll(engine);
        Inspector inspector = inspect(engine);
        assertThat(inspector.columns("inventory", "items"))
                .extracting(ReflectedColumn::name, ReflectedColumn::type)
                .containsExactly(
                        tuple("id", "INTEGER"),
                        tuple("name", "VARCHAR(50)"),
                        tuple("warehouse_id", "INTEGER"),
                        tuple("owner_id", "INTEGER"));
        assertThat(inspector.columns("items")).extracting(ReflectedColumn::name).containsExactly("id", "label");
        assertThat(inspector.primaryKey("inventory", "items").columns()).containsExactly("id");
        // SQLAlchemy's get_foreign_keys(schema='inventory'): the referred schema is named for a table in a schema
        // other than the default one, and omitted for the default schema (public)
        assertThat(inspector.foreignKeys("inventory", "items"))
                .extracting(
                        ReflectedForeignKey::columns,
                        ReflectedForeignKey::referredSchema,
                        ReflectedForeignKey::referredTable,
                        ReflectedForeignKey::referredColumns)
                .containsExactlyInAnyOrder(
                        tuple(List.of("warehouse_id"), "inventory", "warehouses", List.of("id")),
                        tuple(List.of("owner_id"), null, "users", List.of("id")));
        assertThat(inspector.indexes("inventory", "items"))
                .extracting(ReflectedIndex::name, ReflectedIndex::columns)
                .containsExactly(tuple("ix_inventory_items_name", List.of("name")));
        assertThat(inspector.foreignKeys("items")).isEmpty();
    }

    @dev.alchemy.orm.Table(name = "warehouses", schema = "inventory")
    static class Warehouse {
        @dev.alchemy.orm.Column(primaryKey = true)
        Integer id;

        @dev.alchemy.orm.Column(nullable = false)
        String city;

        @Relationship(backPopulates = "warehouse", cascade = "all, delete-orphan", orderBy = "name")
        List<Item> items = new ArrayList<>();

        Warehouse() {}

        Warehouse(String city) {
            this.city = city;
        }
    }

    @dev.alchemy.orm.Table(name = "items", schema = "inventory")
    static class Item {
        @dev.alchemy.orm.Column(primaryKey = true)
        Integer id;

        @dev.alchemy.orm.Column
        String name;

        @dev.alchemy.orm.Column
        @dev.alchemy.orm.ForeignKey("inventory.warehouses.id")
        Integer warehouseId;

        @Relationship(backPopulates = "items")
        Warehouse warehouse;

        Item() {}

        Item(String name) {
            this.name = name;
        }
    }

    @Test
    void theOrmMapsModelsInASchema() {
        Base base = Base.of(Warehouse.class, Item.class);
        base.metadata().createAll(engine);
        SessionFactory factory = new SessionFactory(engine);
        try (Session session = factory.openSession()) {
            Warehouse oslo = new Warehouse("Oslo");
            for (int i = 0; i < 3; i++) {
                oslo.items.add(new Item("crate " + i));
            }
            session.add(oslo);
            session.add(new Warehouse("Bergen"));
            session.commit();
            assertThat(oslo.items)
                    .allSatisfy(item -> assertThat(item.warehouseId).isEqualTo(oslo.id));
        }
        assertThat(sql).anyMatch(s -> s.startsWith("INSERT INTO inventory.items (name, warehouse_id) SELECT"));
        try (Session session = factory.openSession()) {
            Warehouse oslo =
                    session.query(Warehouse.class).filterBy("city", "Oslo").one();
            assertThat(oslo.items).extracting(i -> i.name).containsExactly("crate 0", "crate 1", "crate 2");
            Item moved = oslo.items.remove(0);
            Warehouse bergen =
                    session.query(Warehouse.class).filterBy("city", "Bergen").one();
            bergen.items.add(moved);
            moved.name = "moved crate";
            session.delete(oslo); // cascades to its two remaining items
            session.commit();
        }
        try (Connection conn = engine.connect()) {
            assertThat(conn.execute(text("SELECT i.name || '@' || w.city FROM inventory.items i"
                                    + " JOIN inventory.warehouses w ON w.id = i.warehouse_id"))
                            .scalars())
                    .containsExactly("moved crate@Bergen");
        }
        base.metadata().dropAll(engine);
        assertThat(inspect(engine).tableNames("inventory")).isEmpty();
    }
}
