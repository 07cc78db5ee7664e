package dev.alchemy.schema;

import static dev.alchemy.Alchemy.insert;
import static dev.alchemy.Alchemy.select;
import static dev.alchemy.Alchemy.text;
import static dev.alchemy.types.SqlTypes.BIGINT;
import static dev.alchemy.types.SqlTypes.INTEGER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.alchemy.dialect.Dialect;
import dev.alchemy.engine.Connection;
import dev.alchemy.engine.Engine;
import dev.alchemy.exc.ArgumentError;
import dev.alchemy.exc.CompileError;
import dev.alchemy.orm.Base;
import dev.alchemy.orm.Session;
import dev.alchemy.orm.SessionFactory;
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
 * {@link Sequence}: created and dropped with its MetaData, {@code nextval} in statements and server defaults on
 * PostgreSQL and MariaDB (10.3+); passed over by createAll/dropAll on SQLite, which has no sequences, and refused in a
 * statement there.
 */
@OnDatabases
class SequenceTest {

    @Parameter
    TestDatabase db;

    Engine engine;
    final List<String> sql = new CopyOnWriteArrayList<>();
    final MetaData metadata = new MetaData();
    final Sequence orderNumbers = Sequence.of("order_no_seq", metadata, 1000, 5);
    final Sequence plain = Sequence.of("plain_seq", metadata);
    final Table orders = Table.of(
            "orders",
            metadata,
            Column.of("id", INTEGER).primaryKey(),
            Column.of("item", SqlTypes.string(100)),
            Column.of("order_no", BIGINT).serverDefault(orderNumbers.nextValue()));

    @BeforeEach
    void open() {
        engine = db.createEngine();
        engine.addStatementListener(e -> sql.add(e.sql()));
    }

    @AfterEach
    void clean() {
        db.reset();
    }

    @Test
    void ddlIsSqlalchemy20s() {
        Dialect pg = Dialect.of(dev.alchemy.engine.EngineDialect.forName("postgresql"));
        // SQLAlchemy 2.0: CreateSequence(Sequence('order_no_seq', start=1000, increment=5)) and without options
        assertThat(DDL.createSequence(orderNumbers, pg).toString())
                .isEqualTo("CREATE SEQUENCE order_no_seq INCREMENT BY 5 START WITH 1000");
        assertThat(DDL.createSequence(plain, pg).toString()).isEqualTo("CREATE SEQUENCE plain_seq");
        assertThat(DDL.dropSequence(orderNumbers, pg).toString()).isEqualTo("DROP SEQUENCE order_no_seq");
        Sequence mixed = Sequence.inSchema("inventory", "Mixed Seq", new MetaData(), 1, 1);
        assertThat(DDL.createSequence(mixed, pg).toString())
                .isEqualTo("CREATE SEQUENCE inventory.\"Mixed Seq\" INCREMENT BY 1 START WITH 1");
        // SQLAlchemy: select(seq.next_value()) is "SELECT nextval('order_no_seq') AS next_value_1"; the label here
        // is the key, next_value
        assertThat(select(mixed.nextValue()).compile(pg).sql())
                .isEqualTo("SELECT nextval('inventory.\"Mixed Seq\"') AS next_value");
        assertThat(DDL.createTableSql(orders, pg)).contains("\torder_no BIGINT DEFAULT nextval('order_no_seq'), \n");
        assertThat(metadata.sequences()).containsExactly(orderNumbers, plain);
        assertThatThrownBy(() -> Sequence.of("plain_seq", metadata))
                .isInstanceOf(ArgumentError.class)
                .hasMessage("sequence 'plain_seq' is already defined in this MetaData");
    }

    @Test
    void createAllMakesTheSequencesBeforeTheTablesAndDropAllDropsThemAfter() {
        if (db.isSqlite()) {
            // SQLite has no sequences: createAll passes them over, as SQLAlchemy's does
            MetaData other = new MetaData();
            Sequence.of("lonely_seq", other);
            Table.of("notes", other, Column.of("id", INTEGER).primaryKey());
            other.createAll(engine);
            other.dropAll(engine);
            assertThat(sql.stream().filter(s -> s.startsWith("CREATE") || s.startsWith("DROP")))
                    .containsExactly(
                            "CREATE TABLE notes (\n\tid INTEGER NOT NULL, \n\tPRIMARY KEY (id)\n)", "DROP TABLE notes");
            // a column default using one cannot be created either
            assertThatThrownBy(() -> metadata.createAll(engine))
                    .isInstanceOf(CompileError.class)
                    .hasMessageContaining("the sqlite dialect has no sequences (order_no_seq)");
            return;
        }
        metadata.createAll(engine);
        assertThat(sql.stream().filter(s -> s.startsWith("CREATE")).map(s -> s.split(" \\(")[0]))
                .containsExactly(
                        "CREATE SEQUENCE order_no_seq INCREMENT BY 5 START WITH 1000",
                        "CREATE SEQUENCE plain_seq",
                        "CREATE TABLE orders");
        sql.clear();
        metadata.createAll(engine); // check-first: everything exists
        assertThat(sql).noneMatch(s -> s.startsWith("CREATE"));
        metadata.dropAll(engine);
        assertThat(sql.stream().filter(s -> s.startsWith("DROP")))
                .containsExactly("DROP TABLE orders", "DROP SEQUENCE order_no_seq", "DROP SEQUENCE plain_seq");
        try (Connection conn = engine.connect()) {
            String sequences = db.isMariadb()
                    ? "SELECT count(*) FROM information_schema.tables WHERE table_schema = DATABASE()"
                            + " AND table_type = 'SEQUENCE'"
                    : "SELECT count(*) FROM pg_class WHERE relkind = 'S'";
            assertThat(conn.execute(text(sequences)).scalar(Long.class)).isZero();
        }
    }

    @Test
    void nextValueCountsFromItsStartInStatementsAndDefaults() {
        if (db.isSqlite()) {
            try (Connection conn = engine.connect()) {
                assertThatThrownBy(() -> conn.execute(select(plain.nextValue())))
                        .isInstanceOf(CompileError.class)
                        .hasMessageContaining("use an autoincrement key");
            }
            return;
        }
        metadata.createAll(engine);
        try (Connection conn = engine.connect()) {
            assertThat(conn.execute(select(plain.nextValue())).scalar()).isEqualTo(1L);
            assertThat(conn.execute(select(plain.nextValue())).scalar()).isEqualTo(2L);
            conn.execute(insert(orders).values(Map.of("item", "by default")));
            conn.execute(insert(orders).values(Map.of("item", "by expression", "order_no", orderNumbers.nextValue())));
            assertThat(conn.execute(select(orders.c("item"), orders.c("order_no"))
                                    .orderBy(orders.c("id")))
                            .all())
                    .extracting(r -> r.get(0) + " " + r.get(1))
                    .containsExactly("by default 1000", "by expression 1005");
            conn.commit();
        }
    }

    @dev.alchemy.orm.Table(name = "invoices")
    static class Invoice {
        @dev.alchemy.orm.Column(primaryKey = true)
        Integer id;

        @dev.alchemy.orm.Column(serverDefault = "nextval('invoice_no_seq')")
        Long number;

        @dev.alchemy.orm.Column(length = 100)
        String customer;

        Invoice() {}

        Invoice(String customer) {
            this.customer = customer;
        }
    }

    /** The same on MariaDB, whose {@code nextval} takes the sequence itself, not its name as a string. */
    @dev.alchemy.orm.Table(name = "invoices")
    static class MariadbInvoice {
        @dev.alchemy.orm.Column(primaryKey = true)
        Integer id;

        @dev.alchemy.orm.Column(serverDefault = "nextval(invoice_no_seq)")
        Long number;

        @dev.alchemy.orm.Column(length = 100)
        String customer;

        MariadbInvoice() {}

        MariadbInvoice(String customer) {
            this.customer = customer;
        }
    }

    @Test
    void theOrmFetchesNumbersASequenceMadeForNewObjects() {
        if (db.isSqlite()) {
            return; // SQLite has no sequences
        }
        if (db.isMariadb()) {
            Base base = Base.of(MariadbInvoice.class);
            Sequence.of("invoice_no_seq", base.metadata(), 500, 1);
            base.metadata().createAll(engine);
            try (Session session = new SessionFactory(engine).openSession()) {
                List<MariadbInvoice> invoices =
                        List.of(new MariadbInvoice("Ann"), new MariadbInvoice("Bob"), new MariadbInvoice("Ann"));
                session.addAll(invoices);
                session.commit();
                assertThat(invoices).extracting(i -> i.number).containsExactly(500L, 501L, 502L);
            }
            return;
        }
        Base base = Base.of(Invoice.class);
        Sequence.of("invoice_no_seq", base.metadata(), 500, 1);
        base.metadata().createAll(engine);
        try (Session session = new SessionFactory(engine).openSession()) {
            List<Invoice> invoices = List.of(new Invoice("Ann"), new Invoice("Bob"), new Invoice("Ann"));
            session.addAll(invoices);
            session.commit();
            assertThat(invoices).extracting(i -> i.number).containsExactly(500L, 501L, 502L);
        }
    }
}
