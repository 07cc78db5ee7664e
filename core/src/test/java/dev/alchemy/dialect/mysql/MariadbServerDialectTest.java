package dev.alchemy.dialect.mysql;

import static dev.alchemy.Alchemy.insert;
import static dev.alchemy.Alchemy.inspect;
import static dev.alchemy.Alchemy.select;
import static dev.alchemy.Alchemy.text;
import static dev.alchemy.types.SqlTypes.INTEGER;
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
import dev.alchemy.engine.Row;
import dev.alchemy.exc.CompileError;
import dev.alchemy.exc.DataError;
import dev.alchemy.exc.IntegrityError;
import dev.alchemy.exc.ProgrammingError;
import dev.alchemy.orm.Base;
import dev.alchemy.orm.Session;
import dev.alchemy.orm.SessionFactory;
import dev.alchemy.schema.Column;
import dev.alchemy.schema.ForeignKey;
import dev.alchemy.schema.MetaData;
import dev.alchemy.schema.Sequence;
import dev.alchemy.schema.Table;
import dev.alchemy.schema.UniqueConstraint;
import dev.alchemy.testing.MariadbServer;
import dev.alchemy.testing.OnDatabases;
import dev.alchemy.testing.TestDatabase;
import dev.alchemy.types.SqlTypes;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;

/** The MySQL dialect on a real MariaDB server (the embedded one): what only this dialect does, end to end. */
@OnDatabases(TestDatabase.Kind.MARIADB)
class MariadbServerDialectTest {

    @Parameter
    TestDatabase db;

    Engine engine;
    final List<String> sql = new CopyOnWriteArrayList<>();

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
    void theEngineKeepsADialectMadeForTheServerItFound() {
        Dialect dialect = Dialect.of(engine);
        assertThat(dialect.name()).isEqualTo("mariadb");
        assertThat(dialect).hasToString("MysqlDialect(MariaDB 11.4.5)");
        assertThat(dialect.supportsReturning()).isTrue();
        assertThat(dialect.supportsSequences()).isTrue();
        // a DataSource of either driver is recognised too, and MySQL Connector/J works against MariaDB as well
        try (Engine connectorJ = Engine.create("mysql+mysqlconnector://" + MariadbServer.USER + "@127.0.0.1:"
                + MariadbServer.get().port() + "/"
                + db.jdbcUrl().substring(db.jdbcUrl().lastIndexOf('/') + 1))) {
            assertThat(connectorJ.dialect().name()).isEqualTo("mariadb");
            try (Connection conn = connectorJ.connect()) {
                assertThat(conn.execute(text("SELECT 1 + 1")).scalar(Integer.class))
                        .isEqualTo(2);
            }
        }
    }

    @Test
    void everyUrlFormReachesTheServerThroughTheDriverItNames() throws java.sql.SQLException {
        String hostAndDb =
                MariadbServer.USER + "@127.0.0.1:" + MariadbServer.get().port() + "/" + databaseName();
        String jdbc =
                "//127.0.0.1:" + MariadbServer.get().port() + "/" + databaseName() + "?user=" + MariadbServer.USER;
        Map<String, String> driverByUrl = new java.util.LinkedHashMap<>();
        driverByUrl.put("mariadb://" + hostAndDb, "MariaDB Connector/J");
        driverByUrl.put("mariadb+mariadbconnector://" + hostAndDb, "MariaDB Connector/J");
        driverByUrl.put("mysql://" + hostAndDb, "MySQL Connector/J"); // both drivers are on the test class path
        driverByUrl.put("mysql+mysqlconnector://" + hostAndDb, "MySQL Connector/J");
        driverByUrl.put("mysql+pymysql://" + hostAndDb, "MySQL Connector/J"); // copied from a Python application
        driverByUrl.put("jdbc:mariadb:" + jdbc, "MariaDB Connector/J");
        driverByUrl.put("jdbc:mysql:" + jdbc, "MySQL Connector/J");
        for (Map.Entry<String, String> e : driverByUrl.entrySet()) {
            try (Engine other = Engine.create(e.getKey());
                    Connection conn = other.connect()) {
                assertThat(other.dialect().name()).as(e.getKey()).isEqualTo("mariadb");
                assertThat(conn.jdbcConnection().getMetaData().getDriverName())
                        .as(e.getKey())
                        .startsWith(e.getValue());
                assertThat(conn.execute(text("SELECT DATABASE()")).scalar(String.class))
                        .isEqualTo(databaseName());
            }
        }
    }

    private String databaseName() {
        return db.jdbcUrl().substring(db.jdbcUrl().lastIndexOf('/') + 1);
    }

    @Test
    void aDeadlockAndALockWaitTimeoutAreOperationalErrors() throws Exception {
        engine.useTransaction(conn -> {
            conn.execute(text("CREATE TABLE accounts (id INTEGER PRIMARY KEY, balance INTEGER) ENGINE=InnoDB"));
            conn.execute(text("INSERT INTO accounts VALUES (1, 100), (2, 100)"));
        });
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        java.util.concurrent.CyclicBarrier bothLocked = new java.util.concurrent.CyclicBarrier(2);
        try {
            // each locks one row, then asks for the other's: InnoDB picks one of them as the victim (1213)
            List<java.util.concurrent.Future<String>> outcomes = new ArrayList<>();
            for (int[] order : new int[][] {{1, 2}, {2, 1}}) {
                outcomes.add(pool.submit(() -> {
                    try (Connection conn = engine.connect()) {
                        conn.execute(text("UPDATE accounts SET balance = balance - 1 WHERE id = " + order[0]));
                        bothLocked.await(30, java.util.concurrent.TimeUnit.SECONDS);
                        conn.execute(text("UPDATE accounts SET balance = balance + 1 WHERE id = " + order[1]));
                        conn.commit();
                        return "committed";
                    } catch (dev.alchemy.exc.DBAPIError e) {
                        return e.getClass().getSimpleName() + ": " + e.getMessage();
                    }
                }));
            }
            List<String> results = new ArrayList<>();
            for (var f : outcomes) {
                results.add(f.get(60, java.util.concurrent.TimeUnit.SECONDS));
            }
            assertThat(results).containsOnlyOnce("committed");
            assertThat(results)
                    .anySatisfy(r -> assertThat(r)
                            .startsWith("OperationalError: ")
                            .contains("Deadlock found when trying to get lock"));
        } finally {
            pool.shutdownNow();
        }
        // a transaction that waits longer than innodb_lock_wait_timeout for a row lock (1205)
        try (Connection holder = engine.connect();
                Connection waiter = engine.connect()) {
            holder.execute(text("UPDATE accounts SET balance = 0 WHERE id = 1"));
            waiter.execute(text("SET SESSION innodb_lock_wait_timeout = 1"));
            assertThatThrownBy(() -> waiter.execute(text("UPDATE accounts SET balance = 1 WHERE id = 1")))
                    .isInstanceOf(dev.alchemy.exc.OperationalError.class)
                    .hasMessageContaining("Lock wait timeout exceeded")
                    .cause()
                    .satisfies(c -> assertThat(((java.sql.SQLException) c).getErrorCode())
                            .isEqualTo(1205));
            holder.rollback();
        }
    }

    @Test
    void valuesOfEveryTypeComeBackWhole() {
        MetaData metadata = new MetaData();
        Table t = Table.of(
                "vals",
                metadata,
                Column.of("id", INTEGER).primaryKey(),
                Column.of("dt", SqlTypes.DATETIME),
                Column.of("tz", SqlTypes.DATETIME_TZ),
                Column.of("at", SqlTypes.DATETIME_TZ_INSTANT),
                Column.of("d", SqlTypes.DATE),
                Column.of("tm", SqlTypes.TIME),
                Column.of("b", SqlTypes.BOOLEAN),
                Column.of("u", SqlTypes.UUID),
                Column.of("n", SqlTypes.numeric(30, 10)),
                Column.of("j", SqlTypes.JSON),
                Column.of("txt", SqlTypes.TEXT),
                Column.of("bin", SqlTypes.LARGE_BINARY),
                Column.of("f", SqlTypes.DOUBLE),
                Column.of("e", SqlTypes.enumOf(java.time.DayOfWeek.class)));
        metadata.createAll(engine);
        LocalDateTime dt = LocalDateTime.of(2024, 1, 31, 12, 30, 5, 123_456_789);
        OffsetDateTime tz = OffsetDateTime.of(2024, 6, 1, 10, 0, 0, 1_000, ZoneOffset.ofHours(2));
        UUID u = UUID.randomUUID();
        String longText = "é".repeat(70_000); // beyond TEXT's 64 KB: LONGTEXT
        byte[] bytes = new byte[100_000];
        bytes[99_999] = 7;
        try (Connection conn = engine.connect()) {
            conn.execute(insert(t)
                    .values(Map.ofEntries(
                            Map.entry("dt", dt),
                            Map.entry("tz", tz),
                            Map.entry("at", Instant.parse("2024-06-01T08:00:00.000001Z")),
                            Map.entry("d", LocalDate.of(1, 1, 1)),
                            Map.entry("tm", LocalTime.of(23, 59, 59, 999_999_000)),
                            Map.entry("b", true),
                            Map.entry("u", u),
                            Map.entry("n", new BigDecimal("12345678901234567890.0123456789")),
                            Map.entry("j", "{\"a\": [1, 2]}"),
                            Map.entry("txt", longText),
                            Map.entry("bin", bytes),
                            Map.entry("f", 0.1 + 0.2),
                            Map.entry("e", java.time.DayOfWeek.WEDNESDAY))));
            Row row = conn.execute(select(t)).one();
            assertThat(row.get("dt")).isEqualTo(dt.withNano(123_456_000)); // microseconds kept, nanos truncated
            assertThat(row.get("tz")).isEqualTo(tz.withOffsetSameInstant(ZoneOffset.UTC)); // same instant, in UTC
            assertThat(row.get("at")).isEqualTo(Instant.parse("2024-06-01T08:00:00.000001Z"));
            assertThat(row.get("d")).isEqualTo(LocalDate.of(1, 1, 1));
            assertThat(row.get("tm")).isEqualTo(LocalTime.of(23, 59, 59, 999_999_000));
            assertThat(row.get("b")).isEqualTo(true);
            assertThat(row.get("u")).isEqualTo(u);
            assertThat(row.get("n")).isEqualTo(new BigDecimal("12345678901234567890.0123456789"));
            assertThat(row.get("j")).isEqualTo("{\"a\": [1, 2]}");
            assertThat(row.get("txt")).isEqualTo(longText);
            assertThat(row.get("bin")).isEqualTo(bytes);
            assertThat(row.get("f")).isEqualTo(0.1 + 0.2);
            // an Enum is a VARCHAR of its constants' names, as long as the longest, and comes back as the constant
            assertThat(row.get("e")).isEqualTo(java.time.DayOfWeek.WEDNESDAY);
            assertThat(conn.execute(text("SELECT e FROM vals")).scalar(String.class))
                    .isEqualTo("WEDNESDAY");
            assertThat(dev.alchemy.schema.Inspector.of(conn).columns("vals"))
                    .filteredOn(c -> c.name().equals("e"))
                    .singleElement()
                    .extracting(ReflectedColumn::type)
                    .isEqualTo("VARCHAR(9)");
            // a boolean column is a condition: active = 1
            assertThat(conn.execute(select(t.c("id")).where(t.c("b").eq(true))).scalars())
                    .hasSize(1);
            conn.commit();
        }
    }

    @Test
    void errorsBecomeTheirLeaves() {
        engine.useTransaction(conn -> {
            conn.execute(text("CREATE TABLE parent (id INTEGER PRIMARY KEY, name VARCHAR(5) UNIQUE)"));
            conn.execute(text("CREATE TABLE child (id INTEGER PRIMARY KEY, parent_id INTEGER REFERENCES parent(id),"
                    + " qty INTEGER CHECK (qty > 0))"));
            conn.execute(text("INSERT INTO parent VALUES (1, 'a')"));
        });
        try (Connection conn = engine.connect()) {
            assertThatThrownBy(() -> conn.execute(text("INSERT INTO parent VALUES (2, 'a')")))
                    .isInstanceOf(IntegrityError.class)
                    .hasMessageContaining("Duplicate entry");
            assertThatThrownBy(() -> conn.execute(text("INSERT INTO child VALUES (1, 42, 1)")))
                    .isInstanceOf(IntegrityError.class)
                    .hasMessageContaining("foreign key constraint fails");
            assertThatThrownBy(() -> conn.execute(text("INSERT INTO child VALUES (1, 1, 0)")))
                    .isInstanceOf(IntegrityError.class)
                    .hasMessageContaining("CONSTRAINT");
            assertThatThrownBy(() -> conn.execute(text("INSERT INTO parent VALUES (3, 'too long')")))
                    .isInstanceOf(DataError.class)
                    .hasMessageContaining("Data too long");
            assertThatThrownBy(() -> conn.execute(text("SELEC 1")))
                    .isInstanceOf(ProgrammingError.class)
                    .hasMessageContaining("SQL syntax");
            assertThatThrownBy(() -> conn.execute(text("SELECT * FROM nowhere")))
                    .isInstanceOf(ProgrammingError.class);
        }
    }

    @Test
    void hiddenParametersStayOutOfTheServersMessagesToo() {
        engine.useTransaction(conn -> conn.execute(
                text("CREATE TABLE secrets (id INTEGER PRIMARY KEY, name VARCHAR(20) UNIQUE, n INTEGER)")));
        Engine hiding =
                db.createEngine(dev.alchemy.engine.EngineOptions.defaults().hideParameters(true));
        try (Connection conn = hiding.connect()) {
            conn.execute(text("INSERT INTO secrets VALUES (1, :v, 1)"), Map.of("v", "secret-value"));
            conn.commit();
            // the server quotes the duplicate value in its message: "Duplicate entry 'secret-value' for key 'name'"
            assertThatThrownBy(() ->
                            conn.execute(text("INSERT INTO secrets VALUES (2, :v, 1)"), Map.of("v", "secret-value")))
                    .isInstanceOf(IntegrityError.class)
                    .hasMessageContaining("Duplicate entry '?' for key 'name'")
                    .satisfies(e -> assertThat(chainText(e)).doesNotContain("secret-value"))
                    .cause()
                    .isInstanceOf(java.sql.SQLIntegrityConstraintViolationException.class)
                    .satisfies(c -> assertThat(((java.sql.SQLException) c).getErrorCode())
                            .isEqualTo(1062));
            conn.rollback();
            assertThatThrownBy(() -> conn.execute(
                            text("INSERT INTO secrets VALUES (:i, :v, 1)"),
                            List.of(Map.of("i", 3, "v", "batch-secret"), Map.of("i", 4, "v", "batch-secret"))))
                    .isInstanceOf(IntegrityError.class)
                    .satisfies(e -> assertThat(chainText(e)).doesNotContain("batch-secret"));
            conn.rollback();
            // "Incorrect integer value: 'not-a-number' for column ..."
            assertThatThrownBy(() ->
                            conn.execute(text("INSERT INTO secrets VALUES (5, 'x', :n)"), Map.of("n", "not-a-number")))
                    .isInstanceOf(DataError.class)
                    .satisfies(e -> assertThat(chainText(e)).doesNotContain("not-a-number"));
        }
        // without hideParameters the server's message is kept whole
        try (Connection conn = engine.connect()) {
            assertThatThrownBy(() ->
                            conn.execute(text("INSERT INTO secrets VALUES (2, :v, 1)"), Map.of("v", "secret-value")))
                    .isInstanceOf(IntegrityError.class)
                    .hasMessageContaining("Duplicate entry 'secret-value' for key 'name'");
        }
    }

    /** Every message and stack trace line of an exception and its causes, suppressed and next exceptions. */
    private static String chainText(Throwable e) {
        java.io.StringWriter text = new java.io.StringWriter();
        e.printStackTrace(new java.io.PrintWriter(text));
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.sql.SQLException sql && sql.getNextException() != null) {
                sql.getNextException().printStackTrace(new java.io.PrintWriter(text));
            }
        }
        return text.toString();
    }

    @Test
    void upsertsInsertOrUpdate() {
        MetaData metadata = new MetaData();
        Table counters = Table.of(
                "counters",
                metadata,
                Column.of("name", string(20)).primaryKey(),
                Column.of("hits", INTEGER).notNull());
        metadata.createAll(engine);
        try (Connection conn = engine.connect()) {
            for (int i = 0; i < 3; i++) {
                var upsert = dev.alchemy.sql.Insert.into(counters).values(Map.of("name", "home", "hits", 1));
                conn.execute(upsert.onConflictDoUpdate(
                        List.of("name"), Map.of("hits", counters.c("hits").plus(upsert.excluded("hits")))));
            }
            conn.execute(dev.alchemy.sql.Insert.into(counters)
                    .values(Map.of("name", "home", "hits", 100))
                    .onConflictDoNothing("name"));
            assertThat(conn.execute(select(counters.c("hits"))).scalar(Integer.class))
                    .isEqualTo(3);
            conn.commit();
        }
    }

    @Test
    void schemaIsReadFromInformationSchema() {
        MetaData metadata = new MetaData();
        Table.of(
                "users",
                metadata,
                Column.of("id", INTEGER).primaryKey(),
                Column.of("name", string(50)).notNull(),
                Column.of("status", string(10)).serverDefault("'new'"),
                Column.of("doc", SqlTypes.JSON),
                Column.of("amount", SqlTypes.numeric(10, 2)).check("amount >= 0"),
                Column.of("seen", SqlTypes.DATETIME).index(),
                UniqueConstraint.of("name").name("uq_users_name"));
        Table.of(
                "posts",
                metadata,
                Column.of("id", SqlTypes.BIGINT).primaryKey(),
                Column.of("user_id", INTEGER)
                        .notNull()
                        .references(ForeignKey.to("users.id").onDelete("CASCADE")));
        metadata.createAll(engine);
        var inspector = inspect(engine);
        assertThat(inspector.tableNames()).containsExactly("posts", "users");
        assertThat(inspector.columns("users"))
                .containsExactly(
                        new ReflectedColumn("id", "INTEGER", false, null, 1),
                        new ReflectedColumn("name", "VARCHAR(50)", false, null, 0),
                        new ReflectedColumn("status", "VARCHAR(10)", true, "'new'", 0),
                        new ReflectedColumn("doc", "JSON", true, null, 0),
                        new ReflectedColumn("amount", "NUMERIC(10, 2)", true, null, 0),
                        new ReflectedColumn("seen", "DATETIME(6)", true, null, 0));
        assertThat(inspector.primaryKey("posts").columns()).containsExactly("id");
        assertThat(inspector.foreignKeys("posts"))
                .singleElement()
                .extracting(
                        ReflectedForeignKey::columns, ReflectedForeignKey::referredTable, ReflectedForeignKey::onDelete)
                .containsExactly(List.of("user_id"), "users", "CASCADE");
        assertThat(inspector.indexes("users"))
                .containsExactly(new ReflectedIndex("ix_users_seen", List.of("seen"), false));
        assertThat(inspector.indexes("posts")).isEmpty(); // InnoDB's own index for the foreign key is left out
        assertThat(inspector.uniqueConstraints("users"))
                .containsExactly(new ReflectedUniqueConstraint("uq_users_name", List.of("name")));
        assertThat(inspector.checkConstraints("users"))
                .singleElement()
                .satisfies(c -> assertThat(c.sqlText()).contains("amount"));
    }

    @Test
    void sequencesExistOnMariadb() {
        MetaData metadata = new MetaData();
        Sequence numbers = Sequence.of("order_no_seq", metadata, 1000, 5);
        Table orders = Table.of(
                "orders",
                metadata,
                Column.of("id", INTEGER).primaryKey(),
                Column.of("order_no", SqlTypes.BIGINT).serverDefault(numbers.nextValue()));
        metadata.createAll(engine);
        try (Connection conn = engine.connect()) {
            conn.execute(insert(orders).values(Map.of("id", 1)));
            conn.execute(insert(orders).values(Map.of("id", 2)));
            assertThat(conn.execute(select(orders.c("order_no")).orderBy(orders.c("id")))
                            .scalars())
                    .containsExactly(1000L, 1005L);
            conn.commit();
        }
        assertThat(sql).anyMatch(s -> s.equals("CREATE SEQUENCE order_no_seq INCREMENT BY 5 START WITH 1000"));
        metadata.dropAll(engine);
        assertThat(inspect(engine).tableNames()).isEmpty();
    }

    @Test
    void aVarcharWithoutLengthFailsBeforeTheDatabaseIsTouched() {
        MetaData metadata = new MetaData();
        Table.of("notes", metadata, Column.of("id", INTEGER).primaryKey(), Column.of("body", SqlTypes.VARCHAR));
        assertThatThrownBy(() -> metadata.createAll(engine))
                .isInstanceOf(CompileError.class)
                .hasMessageContaining("column 'notes.body' (VARCHAR): VARCHAR requires a length");
        assertThat(inspect(engine).tableNames()).isEmpty();
    }

    /** A model with lengths, as MySQL needs them. */
    // tag::model[]
    @dev.alchemy.orm.Table(name = "people")
    public static class Person {
        @dev.alchemy.orm.Column(primaryKey = true)
        public Integer id;

        @dev.alchemy.orm.Column(length = 50) // VARCHAR(50): MySQL needs a length, a plain String is an error
        public String name;

        public Person() {}

        Person(String name) {
            this.name = name;
        }
    }
    // end::model[]

    @Test
    void aFlushInsertsManyObjectsInOneStatementAndMatchesEveryKey() {
        Base.of(Person.class).metadata().createAll(engine);
        SessionFactory sessions = new SessionFactory(engine);
        List<Person> people = new ArrayList<>();
        for (int i = 0; i < 1_500; i++) {
            people.add(new Person("same")); // identical rows: only the keys tell them apart
        }
        sql.clear();
        try (Session session = sessions.openSession()) {
            session.addAll(people);
            session.commit();
        }
        // two multi-row INSERT ... RETURNING (1,000 and 500 rows), not one statement per object
        assertThat(sql.stream().filter(s -> s.startsWith("INSERT"))).hasSize(2).allMatch(s -> s.contains("RETURNING"));
        List<Integer> ids = people.stream().map(p -> p.id).toList();
        assertThat(ids).doesNotContainNull().doesNotHaveDuplicates();
        assertThat(ids).isSorted(); // one statement's keys ascend in the order of its rows
        try (Connection conn = engine.connect()) {
            assertThat(conn.execute(
                                    text("SELECT count(*) FROM people WHERE id BETWEEN :a AND :b"),
                                    Map.of("a", ids.get(0), "b", ids.get(ids.size() - 1)))
                            .scalar(Integer.class))
                    .isEqualTo(1_500);
        }
    }
}
