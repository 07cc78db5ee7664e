package dev.alchemy.bench.jmh;

import static dev.alchemy.Alchemy.select;

import dev.alchemy.Alchemy;
import dev.alchemy.bench.BenchDatabase;
import dev.alchemy.engine.Connection;
import dev.alchemy.engine.Engine;
import dev.alchemy.engine.Row;
import dev.alchemy.schema.Column;
import dev.alchemy.schema.MetaData;
import dev.alchemy.schema.Table;
import dev.alchemy.sql.Keyset;
import dev.alchemy.sql.KeysetPage;
import dev.alchemy.sql.OffsetPage;
import dev.alchemy.sql.Select;
import dev.alchemy.types.SqlTypes;
import java.util.List;
import java.util.concurrent.TimeUnit;
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
 * Issue 24: page 1 and page 1,000 (20 rows a page) of 100,000 rows ordered by {@code (name, id)}, with an index on
 * those columns, read three ways: {@link OffsetPage} with its total ({@code LIMIT/OFFSET} and a count), the same page
 * without the total, and {@link KeysetPage} after the position where page 999 ended. Keyset should cost the same on
 * both pages; OFFSET reads and skips the 19,980 rows before page 1,000. Each call checks the page's first id.
 *
 * <pre>
 * mvn -B -q package -DskipTests -pl bench -am
 * java -cp "bench/target/classes:$(cat bench/target/classpath.txt)" org.openjdk.jmh.Main PaginationBenchmark
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xms1g", "-Xmx2g"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class PaginationBenchmark {

    /** Rows per page. */
    static final int SIZE = 20;

    /** Which database. */
    @Param({"sqlite", "postgresql"})
    public String database = "sqlite";

    /** The page read, from 1. */
    @Param({"1", "1000"})
    public int page = 1000;

    /** The rows in the table. */
    @Param({"100000"})
    public int rows = 100_000;

    private @Nullable BenchDatabase db;
    private @Nullable Engine engine;
    private @Nullable Connection conn;
    private @Nullable Select byName;
    private @Nullable Keyset position;
    private int firstId;

    /** Creates and fills the table, and finds where the page before the measured one ends. */
    @Setup(Level.Trial)
    public void open() {
        BenchDatabase database = BenchDatabase.create(this.database);
        db = database;
        boolean sqlite = database.kind().equals("sqlite");
        // names in another order than ids: x * 7919 mod rows is a permutation (7919 is prime)
        String name = sqlite
                ? "printf('user %07d', (x * 7919) % " + rows + ")"
                : "'user ' || lpad(((x::bigint * 7919) % " + rows + ")::text, 7, '0')";
        String numbers = sqlite
                ? "WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < " + rows + ") "
                        + "SELECT x, " + name + ", 'u' || x || '@example.com' FROM n"
                : "SELECT x, " + name + ", 'u' || x || '@example.com' FROM generate_series(1, " + rows + ") AS x";
        database.execute(List.of(
                "DROP TABLE IF EXISTS page_items", // PostgreSQL: the server's one database outlives a trial
                "CREATE TABLE page_items (id INTEGER PRIMARY KEY, name VARCHAR(40) NOT NULL, email VARCHAR(80))",
                "CREATE INDEX page_items_name_id ON page_items (name, id)",
                "INSERT INTO page_items (id, name, email) " + numbers,
                sqlite ? "ANALYZE" : "ANALYZE page_items"));
        database.checkpoint();
        MetaData metadata = new MetaData();
        Table items = Table.of(
                "page_items",
                metadata,
                Column.of("id", SqlTypes.INTEGER).primaryKey(),
                Column.of("name", SqlTypes.string(40)),
                Column.of("email", SqlTypes.string(80)));
        Select byName = select(items).orderBy(items.c("name"), items.c("id"));
        this.byName = byName;
        Engine e = Alchemy.createEngine(database.alchemyUrl());
        engine = e;
        Connection c = e.connect();
        conn = c;
        int first = (page - 1) * SIZE;
        firstId = c.execute(byName.limit(1).offset(first)).one().get("id", Integer.class);
        position = page == 1
                ? null
                : byName.keysetOf(c.execute(byName.limit(1).offset(first - 1)).one());
        c.rollback();
    }

    /** Closes the connection and removes the database. */
    @TearDown(Level.Trial)
    public void close() {
        if (conn != null) {
            conn.close();
        }
        if (engine != null) {
            engine.dispose();
        }
        if (db != null) {
            db.execute(List.of("DROP TABLE IF EXISTS page_items"));
            db.close();
        }
    }

    /** @return the page's first id; page by number, with the total (a count query unless the page tells it) */
    @Benchmark
    public int offset() {
        OffsetPage<Row> p = OffsetPage.fetch(connection(), query(), page, SIZE);
        if (p.total() != rows) {
            throw new IllegalStateException("total " + p.total() + ", expected " + rows);
        }
        return check(p.items());
    }

    /** @return the page's first id; page by number, the rows alone ({@code LIMIT/OFFSET}) */
    @Benchmark
    public int offsetWithoutTotal() {
        return check(
                connection().execute(OffsetPage.pageOf(query(), page, SIZE)).all());
    }

    /** @return the page's first id; the page after the previous page's last row */
    @Benchmark
    public int keyset() {
        return check(KeysetPage.fetch(connection(), query(), SIZE, position).items());
    }

    private int check(List<Row> items) {
        int id = items.get(0).get("id", Integer.class);
        if (items.size() != SIZE || id != firstId) {
            throw new IllegalStateException("page " + page + ": " + items.size() + " rows from id " + id + ", expected "
                    + SIZE + " from " + firstId);
        }
        return id;
    }

    private Select query() {
        Select s = byName;
        if (s == null) {
            throw new IllegalStateException("no trial");
        }
        return s;
    }

    private Connection connection() {
        Connection c = conn;
        if (c == null) {
            throw new IllegalStateException("no trial");
        }
        return c;
    }
}
