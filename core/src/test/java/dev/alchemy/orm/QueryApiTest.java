package dev.alchemy.orm;

import static dev.alchemy.Alchemy.attr;
import static dev.alchemy.Alchemy.column;
import static dev.alchemy.Alchemy.createEngine;
import static dev.alchemy.Alchemy.forUpdate;
import static dev.alchemy.Alchemy.select;
import static dev.alchemy.Alchemy.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.alchemy.engine.Connection;
import dev.alchemy.engine.Engine;
import dev.alchemy.engine.StatementEvent;
import dev.alchemy.exc.ArgumentError;
import dev.alchemy.exc.MultipleResultsFound;
import dev.alchemy.schema.Column;
import dev.alchemy.testing.OnDatabases;
import dev.alchemy.testing.TestDatabase;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;

/**
 * The query API of issue 18 item 6: count and exists asked of the database, Optional results, row locks as a value,
 * typed columns of public-field models, {@code attr(...)} outside WHERE, and an engine from a DataSource.
 */
@OnDatabases
class QueryApiTest {

    /** A public-field model, the README's style. */
    @dev.alchemy.orm.Table(name = "items")
    public static class Item {
        @dev.alchemy.orm.Column(primaryKey = true)
        public Integer id;

        @dev.alchemy.orm.Column(nullable = false, length = 40)
        public String name;

        @dev.alchemy.orm.Column
        public int qty;

        public Item() {}

        Item(String name, int qty) {
            this.name = name;
            this.qty = qty;
        }

        public String getName() {
            return name;
        }
    }

    @Parameter
    TestDatabase db;

    Engine engine;
    SessionFactory factory;
    final List<StatementEvent> statements = new CopyOnWriteArrayList<>();

    @BeforeEach
    void setUp() {
        engine = db.createEngine();
        Base.of(Item.class).metadata().createAll(engine);
        factory = new SessionFactory(engine);
        try (Session session = factory.openSession()) {
            session.add(new Item("apple", 3));
            session.add(new Item("pear", 5));
            session.add(new Item("plum", 0));
            session.commit();
        }
        engine.addStatementListener(statements::add);
    }

    @AfterEach
    void tearDown() {
        db.reset();
    }

    private List<String> sql() {
        return statements.stream().map(StatementEvent::sql).toList();
    }

    @Test
    void countIsOneCountingStatementOverTheQuery() {
        try (Session session = factory.openSession()) {
            Query<Item> positive = session.query(Item.class)
                    .filter(column(Item.class, "qty", Integer.class).gt(0));
            assertThat(positive.count()).isEqualTo(2);
            assertThat(session.query(Item.class).filterBy("name", "fig").count())
                    .isZero();
            assertThat(session.query(Item.class).limit(2).count()).isEqualTo(2);
        }
        assertThat(sql().get(0))
                .isEqualTo(
                        "SELECT count(*) AS count_1 \nFROM (SELECT items.id AS id, items.name AS name, items.qty AS qty"
                                + " \nFROM items \nWHERE items.qty > ?) AS anon_1");
    }

    @Test
    void existsAsksTheDatabaseAndLoadsNoObject() {
        try (Session session = factory.openSession()) {
            assertThat(session.query(Item.class).filterBy("name", "pear").exists())
                    .isTrue();
            assertThat(session.query(Item.class).filterBy("name", "fig").exists())
                    .isFalse();
            assertThat(session.query(Item.class)
                            .filter(column(Item.class, "qty", Integer.class).gt(4))
                            .exists())
                    .isTrue();
        }
        assertThat(sql().get(0))
                .isEqualTo("SELECT EXISTS (SELECT items.id, items.name, items.qty \nFROM items \nWHERE items.name = ?)"
                        + " AS anon_1");
        // one statement per call, each answering true or false: no object was loaded to find out
        assertThat(sql()).hasSize(3).allMatch(q -> q.startsWith("SELECT EXISTS ("));
    }

    @Test
    void optionalResultsBesideFirstAndOneOrNone() {
        try (Session session = factory.openSession()) {
            Optional<Item> first = session.query(Item.class)
                    .orderBy(attr(Item::getName).desc())
                    .findFirst();
            assertThat(first).map(i -> i.name).contains("plum");
            assertThat(session.query(Item.class).filterBy("name", "fig").findFirst())
                    .isEmpty();
            assertThat(session.query(Item.class).filterBy("name", "pear").findOne())
                    .map(i -> i.qty)
                    .contains(5);
            assertThat(session.query(Item.class).filterBy("name", "fig").findOne())
                    .isEmpty();
            assertThatThrownBy(() -> session.query(Item.class).findOne()).isInstanceOf(MultipleResultsFound.class);
            assertThat(session.scalars(select(Item.class).filterBy("name", "apple"))
                            .findOne())
                    .map(i -> i.qty)
                    .contains(3);
            assertThat(session.scalars(select(Item.class).filterBy("name", "fig"))
                            .findFirst())
                    .isEmpty();
        }
    }

    @Test
    void rowLocksAreValuesWithOptions() {
        try (Session session = factory.openSession()) {
            Query<Item> apple = session.query(Item.class).filterBy("name", "apple");
            assertThat(apple.withForUpdate(forUpdate()).one().qty).isEqualTo(3);
            apple.withForUpdate(forUpdate().skipLocked()).all();
            apple.withForUpdate(forUpdate().ofShare().noWait()).all();
            apple.withForUpdate(forUpdate().ofKeyShare()).all();
            apple.withForUpdate(forUpdate().ofNoKeyUpdate()).all();
            session.commit();
        }
        String select = "SELECT items.id, items.name, items.qty \nFROM items \nWHERE items.name = ?";
        List<String> expected = switch (db.kind()) {
            case SQLITE -> List.of(select, select, select, select, select);
            case POSTGRESQL ->
                List.of(
                        select + " FOR UPDATE",
                        select + " FOR UPDATE SKIP LOCKED",
                        select + " FOR SHARE NOWAIT",
                        select + " FOR KEY SHARE",
                        select + " FOR NO KEY UPDATE");
            case MARIADB ->
                List.of(
                        select + " FOR UPDATE",
                        select + " FOR UPDATE SKIP LOCKED",
                        select + " LOCK IN SHARE MODE NOWAIT",
                        select + " LOCK IN SHARE MODE",
                        select + " FOR UPDATE");
        };
        assertThat(sql()).containsExactlyElementsOf(expected);
    }

    @Test
    void aLockIsNotBothNowaitAndSkipLocked() {
        assertThatThrownBy(() -> forUpdate().noWait().skipLocked())
                .isInstanceOf(ArgumentError.class)
                .hasMessageContaining("either NOWAIT or SKIP LOCKED");
        assertThat(forUpdate().ofKeyShare().skipLocked()).hasToString("FOR KEY SHARE SKIP LOCKED");
    }

    @Test
    void typedColumnsOfPublicFieldModelsAreCheckedAgainstTheField() {
        Column<Integer> qty = column(Item.class, "qty", Integer.class); // int field: its wrapper
        Column<String> name = column(Item.class, "name", String.class);
        Column<Number> qtyAsNumber = column(Item.class, "qty", Number.class); // a supertype is fine
        try (Session session = factory.openSession()) {
            List<String> names =
                    session
                            .query(Item.class)
                            .filter(qty.ge(3), name.like("p%"))
                            .orderBy(qtyAsNumber.desc())
                            .all()
                            .stream()
                            .map(i -> i.name)
                            .toList();
            assertThat(names).containsExactly("pear");
        }
        assertThatThrownBy(() -> column(Item.class, "qty", Long.class))
                .isInstanceOf(ArgumentError.class)
                .hasMessage("Item.qty is int, not Long: use column(Item.class, \"qty\", Integer.class)");
        assertThatThrownBy(() -> column(Item.class, "quantity", Integer.class))
                .isInstanceOf(ArgumentError.class)
                .hasMessageContaining("quantity");
    }

    @Test
    void attrNamesAnAttributeOutsideWhere() {
        try (Session session = factory.openSession()) {
            List<String> names = session
                    .query(Item.class)
                    .orderBy(attr(Item::getName).desc())
                    .all()
                    .stream()
                    .map(Item::getName)
                    .toList();
            assertThat(names).containsExactly("plum", "pear", "apple");
            assertThat(session.execute(dev.alchemy.Alchemy.select(attr(Item::getName))
                                    .where(attr(Item::getName).eq("pear")))
                            .scalar())
                    .isEqualTo("pear");
        }
    }

    @Test
    void anEngineOnADataSourceBorrowsItsConnections() {
        Engine onDataSource = createEngine(engine.dataSource());
        try (Connection conn = onDataSource.connect()) {
            assertThat(conn.execute(text("SELECT count(*) FROM items")).scalar(Long.class))
                    .isEqualTo(3L);
        }
        assertThat(onDataSource.dialect().name()).isEqualTo(engine.dialect().name());
        onDataSource.dispose(); // the data source is the application's: left open
        try (Connection conn = engine.connect()) {
            assertThat(conn.execute(text("SELECT count(*) FROM items")).scalar(Long.class))
                    .isEqualTo(3L);
        }
    }
}
