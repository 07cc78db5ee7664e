package dev.alchemy.bench.jmh;

import static dev.alchemy.Alchemy.column;
import static dev.alchemy.Alchemy.text;

import dev.alchemy.Alchemy;
import dev.alchemy.bench.BenchDatabase;
import dev.alchemy.engine.Engine;
import dev.alchemy.engine.Row;
import dev.alchemy.engine.StreamingResult;
import dev.alchemy.orm.Column;
import dev.alchemy.orm.Session;
import dev.alchemy.orm.SessionFactory;
import dev.alchemy.orm.Table;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Issue 24: walking 100,000 rows of 100 characters in batches of 1,000 from a cursor, four ways: raw JDBC (a fetch
 * size inside a transaction), Core's {@code conn.stream}, the ORM's {@code Query.stream()} with
 * {@code yieldPer(1000).expungeEachBatch()} (objects built and expunged per batch, what an export does) and with
 * {@code yieldPer(1000)} alone (objects kept in the session, which a new session per call drops). Each call sums the
 * ids and checks the total.
 *
 * <pre>
 * mvn -B -q package -DskipTests -pl bench -am
 * java -cp "bench/target/classes:$(cat bench/target/classpath.txt)" org.openjdk.jmh.Main StreamingBenchmark
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xms1g", "-Xmx2g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class StreamingBenchmark {

    /** Rows fetched and objects built at a time. */
    static final int BATCH = 1000;

    /** Which database. */
    @Param({"sqlite", "postgresql"})
    public String database = "sqlite";

    /** The rows in the table. */
    @Param({"100000"})
    public int rows = 100_000;

    private @Nullable BenchDatabase db;
    private @Nullable Engine engine;
    private @Nullable SessionFactory sessions;
    private long sum;

    /** A row of the table, as the ORM maps it. */
    @Table(name = "stream_items")
    public static class Item {
        /** The key. */
        @Column(primaryKey = true)
        public Long id;

        /** 100 characters. */
        @Column(length = 100)
        public String payload;
    }

    /** Creates and fills the table. */
    @Setup(Level.Trial)
    public void open() {
        BenchDatabase database = BenchDatabase.create(this.database);
        db = database;
        boolean sqlite = database.kind().equals("sqlite");
        String numbers = sqlite
                ? "WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < " + rows + ") "
                        + "SELECT x, printf('%0100d', x) FROM n"
                : "SELECT x, lpad(x::text, 100, '0') FROM generate_series(1, " + rows + ") AS x";
        database.execute(List.of(
                "DROP TABLE IF EXISTS stream_items",
                "CREATE TABLE stream_items (id BIGINT PRIMARY KEY, payload VARCHAR(100))",
                "INSERT INTO stream_items (id, payload) " + numbers,
                sqlite ? "ANALYZE" : "ANALYZE stream_items"));
        database.checkpoint();
        Engine e = Alchemy.createEngine(database.alchemyUrl());
        engine = e;
        sessions = new SessionFactory(e);
        sum = (long) rows * (rows + 1) / 2;
    }

    /** Drops the table. */
    @TearDown(Level.Trial)
    public void close() {
        if (engine != null) {
            engine.dispose();
        }
        if (db != null) {
            db.execute(List.of("DROP TABLE IF EXISTS stream_items"));
            db.close();
        }
    }

    /**
     * @return the sum of the ids, read with JDBC: a fetch size inside a transaction
     * @throws SQLException when the database fails
     */
    @Benchmark
    public long jdbc() throws SQLException {
        BenchDatabase database = database();
        try (java.sql.Connection c = database.connect()) {
            c.setAutoCommit(false);
            long total = 0;
            try (PreparedStatement ps = c.prepareStatement("SELECT id, payload FROM stream_items ORDER BY id")) {
                ps.setFetchSize(BATCH);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        total += rs.getLong(1);
                        if (rs.getString(2).length() != 100) {
                            throw new IllegalStateException("payload");
                        }
                    }
                }
            }
            c.rollback();
            return check(total);
        }
    }

    /** @return the sum of the ids, read with Core's {@code conn.stream} */
    @Benchmark
    public long coreStream() {
        try (dev.alchemy.engine.Connection c = engine().connect();
                StreamingResult result = c.stream(text("SELECT id, payload FROM stream_items ORDER BY id"), BATCH)) {
            long total = 0;
            for (Row row : result) {
                total += ((Number) row.get(0)).longValue();
                if (((String) row.get(1)).length() != 100) {
                    throw new IllegalStateException("payload");
                }
            }
            return check(total);
        }
    }

    /** @return the sum of the ids, read as objects a batch at a time, each batch expunged */
    @Benchmark
    public long ormStreamExpunged() {
        return orm(true);
    }

    /** @return the sum of the ids, read as objects a batch at a time, kept in the session */
    @Benchmark
    public long ormStream() {
        return orm(false);
    }

    private long orm(boolean expunge) {
        SessionFactory factory = sessions;
        if (factory == null) {
            throw new IllegalStateException("no trial");
        }
        try (Session session = factory.openSession()) {
            var query =
                    session.query(Item.class).orderBy(column(Item.class, "id")).yieldPer(BATCH);
            if (expunge) {
                query = query.expungeEachBatch();
            }
            long total = 0;
            try (Stream<Item> items = query.stream()) {
                for (Item item : (Iterable<Item>) items::iterator) {
                    total += item.id;
                    if (item.payload.length() != 100) {
                        throw new IllegalStateException("payload");
                    }
                }
            }
            return check(total);
        }
    }

    private long check(long total) {
        if (total != sum) {
            throw new IllegalStateException("sum " + total + ", expected " + sum);
        }
        return total;
    }

    private BenchDatabase database() {
        BenchDatabase d = db;
        if (d == null) {
            throw new IllegalStateException("no trial");
        }
        return d;
    }

    private Engine engine() {
        Engine e = engine;
        if (e == null) {
            throw new IllegalStateException("no trial");
        }
        return e;
    }
}
