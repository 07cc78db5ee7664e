package dev.alchemy.orm.binds;

import static dev.alchemy.Alchemy.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.alchemy.engine.Connection;
import dev.alchemy.engine.Engine;
import dev.alchemy.orm.Column;
import dev.alchemy.orm.Session;
import dev.alchemy.orm.SessionFactory;
import dev.alchemy.orm.Table;
import dev.alchemy.testing.TestDatabase;
import dev.alchemy.testing.TestDatabases;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.math.BigDecimal;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The stand-in for a sharded database that runs here: a hash-partitioned PostgreSQL table whose two partitions are
 * {@code postgres_fdw} foreign tables on two other embedded PostgreSQL servers (the "shards"). The ORM writes, reads,
 * updates and deletes through the partitioned table on the coordinator, and each row lands on, and is found on,
 * the shard its key hashes to; the batched INSERT's keys (a sequence on the coordinator) reach the right objects.
 */
class PostgresFdwShardingTest {

    @Table(name = "orders")
    static class Order {
        @Column(primaryKey = true)
        @Nullable
        Long id;

        @Column(nullable = false)
        @Nullable
        String customer;

        @Column(nullable = false)
        @Nullable
        BigDecimal total;

        Order() {}

        Order(String customer, String total) {
            this.customer = customer;
            this.total = new BigDecimal(total);
        }
    }

    static final List<EmbeddedPostgres> SHARDS = new ArrayList<>();
    static TestDatabase coordinator;
    static Engine engine;
    static SessionFactory sessions;

    @BeforeAll
    static void start() throws IOException, SQLException {
        assumeTrue(TestDatabases.enabledKinds().contains(TestDatabase.Kind.POSTGRESQL), "PostgreSQL tests are off");
        for (int i = 0; i < 2; i++) {
            EmbeddedPostgres shard = EmbeddedPostgres.builder()
                    .setServerConfig("listen_addresses", "localhost")
                    .setServerConfig("fsync", "off")
                    .setServerConfig("full_page_writes", "off")
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .start();
            SHARDS.add(shard);
            shardSql(
                    i,
                    "CREATE TABLE orders_p" + i
                            + " (id BIGINT PRIMARY KEY, customer TEXT NOT NULL, total NUMERIC(10, 2) NOT NULL)");
        }
        coordinator = TestDatabase.create(TestDatabase.Kind.POSTGRESQL, "PostgresFdwShardingTest");
        engine = coordinator.createEngine();
        engine.useTransaction(c -> {
            c.execute(text("CREATE EXTENSION postgres_fdw"));
            c.execute(text("CREATE SEQUENCE orders_id_seq"));
            c.execute(text("CREATE TABLE orders (id BIGINT NOT NULL DEFAULT nextval('orders_id_seq'),"
                    + " customer TEXT NOT NULL, total NUMERIC(10, 2) NOT NULL) PARTITION BY HASH (id)"));
            for (int i = 0; i < SHARDS.size(); i++) {
                c.execute(
                        text("CREATE SERVER shard" + i + " FOREIGN DATA WRAPPER postgres_fdw OPTIONS (host 'localhost',"
                                + " port '" + SHARDS.get(i).getPort() + "', dbname 'postgres')"));
                c.execute(text("CREATE USER MAPPING FOR CURRENT_USER SERVER shard" + i + " OPTIONS (user 'postgres')"));
                c.execute(text("CREATE FOREIGN TABLE orders_p" + i + " PARTITION OF orders FOR VALUES WITH (MODULUS "
                        + SHARDS.size() + ", REMAINDER " + i + ") SERVER shard" + i
                        + " OPTIONS (table_name 'orders_p" + i + "')"));
            }
        });
        sessions = new SessionFactory(engine);
    }

    @AfterAll
    static void stop() throws IOException {
        if (coordinator != null) {
            coordinator.close();
        }
        for (EmbeddedPostgres shard : SHARDS) {
            shard.close();
        }
    }

    private static void shardSql(int shard, String sql) throws SQLException {
        try (java.sql.Connection c = DriverManager.getConnection(
                        "jdbc:postgresql://localhost:" + SHARDS.get(shard).getPort() + "/postgres", "postgres", "");
                Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    /** @return each shard's rows, read on the shard itself: id to customer */
    private static List<Map<Long, String>> rowsOnShards() throws SQLException {
        List<Map<Long, String>> all = new ArrayList<>();
        for (int i = 0; i < SHARDS.size(); i++) {
            Map<Long, String> rows = new HashMap<>();
            try (java.sql.Connection c = DriverManager.getConnection(
                            "jdbc:postgresql://localhost:" + SHARDS.get(i).getPort() + "/postgres", "postgres", "");
                    Statement s = c.createStatement();
                    ResultSet r = s.executeQuery("SELECT id, customer FROM orders_p" + i)) {
                while (r.next()) {
                    rows.put(r.getLong(1), r.getString(2));
                }
            }
            all.add(rows);
        }
        return all;
    }

    @Test
    void theOrmWritesReadsUpdatesAndDeletesRowsSpreadOverTwoServers() throws SQLException {
        List<Order> orders = new ArrayList<>();
        try (Session session = sessions.openSession()) {
            for (int n = 1; n <= 20; n++) {
                Order order = new Order("customer " + n, n + ".50");
                orders.add(order);
                session.add(order);
            }
            session.commit(); // one batched INSERT ... RETURNING through the partitioned table
        }
        List<Map<Long, String>> shards = rowsOnShards();
        assertThat(shards.get(0)).isNotEmpty(); // the hash spread them over both servers
        assertThat(shards.get(1)).isNotEmpty();
        assertThat(shards.get(0).size() + shards.get(1).size()).isEqualTo(20);
        for (Order order : orders) {
            // the key the ORM gave each object is the key of that object's row, on whichever shard it is
            String onShard = shards.get(0).containsKey(order.id)
                    ? shards.get(0).get(order.id)
                    : shards.get(1).get(order.id);
            assertThat(onShard).as("row of order %s", order.id).isEqualTo(order.customer);
        }

        Long first = orders.get(0).id;
        Long second = orders.get(1).id;
        try (Session session = sessions.openSession()) {
            assertThat(session.query(Order.class).count()).isEqualTo(20);
            Order one = session.get(Order.class, first);
            assertThat(one.customer).isEqualTo("customer 1");
            assertThat(one.total).isEqualByComparingTo("1.50");
            one.total = new BigDecimal("99.99"); // an UPDATE pushed to the shard that holds it
            session.delete(session.get(Order.class, second)); // a DELETE likewise
            session.commit();
        }
        try (Session session = sessions.openSession()) {
            assertThat(session.get(Order.class, first).total).isEqualByComparingTo("99.99");
            assertThat(session.get(Order.class, second)).isNull();
            assertThat(session.query(Order.class).count()).isEqualTo(19);
        }
        List<Map<Long, String>> after = rowsOnShards();
        assertThat(after.get(0).size() + after.get(1).size()).isEqualTo(19);
        try (Connection c = engine.connect()) {
            assertThat(c.execute(text("SELECT count(*) FROM orders_p0")).scalar(Long.class))
                    .isEqualTo((long) after.get(0).size());
        }
    }
}
