package dev.alchemy.engine;

import static dev.alchemy.Alchemy.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.alchemy.exc.IntegrityError;
import dev.alchemy.exc.OperationalError;
import dev.alchemy.exc.ProgrammingError;
import dev.alchemy.testing.OnDatabases;
import dev.alchemy.testing.TestDatabase;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;

/**
 * What only PostgreSQL does at the engine level: a failed statement aborts the whole transaction, {@code ::} casts,
 * native types (uuid, timestamptz, jsonb, arrays, enums) in text SQL, row locks. The behaviour every database shares
 * is in {@link EngineTest}.
 */
@OnDatabases(TestDatabase.Kind.POSTGRESQL)
class PostgresqlEngineTest {

    @Parameter
    TestDatabase db;

    Engine engine;

    @BeforeEach
    void createTables() {
        engine = db.createEngine();
        engine.useTransaction(conn -> {
            conn.execute(text("CREATE TABLE users (id SERIAL PRIMARY KEY, name VARCHAR(50) NOT NULL UNIQUE)"));
        });
    }

    @AfterEach
    void dropTables() {
        db.reset();
    }

    @Test
    void aFailedStatementAbortsTheTransactionAndTheNextErrorSaysWhy() {
        try (Connection conn = engine.connect()) {
            conn.execute(text("INSERT INTO users (name) VALUES ('a')"));
            IntegrityError first = (IntegrityError) org.assertj.core.api.Assertions.catchThrowable(
                    () -> conn.execute(text("INSERT INTO users (name) VALUES ('a')")));
            assertThat(first).isInstanceOf(IntegrityError.class);
            assertThatThrownBy(() -> conn.execute(text("SELECT count(*) FROM users")))
                    .isInstanceOf(OperationalError.class)
                    .hasMessageContaining("current transaction is aborted")
                    .hasMessageContaining("call rollback() before going on")
                    .hasMessageContaining("beginNested()")
                    .satisfies(e -> assertThat(e.getSuppressed()).containsExactly(first));
            conn.rollback();
            assertThat(conn.execute(text("SELECT count(*) FROM users")).scalar(Integer.class))
                    .isZero();
        }
    }

    @Test
    void commitAfterAFailedStatementDoesNotPretendToCommit() {
        try (Connection conn = engine.connect()) {
            conn.execute(text("INSERT INTO users (name) VALUES ('a')"));
            assertThatThrownBy(() -> conn.execute(text("INSERT INTO users (name) VALUES ('a')")))
                    .isInstanceOf(IntegrityError.class);
            assertThatThrownBy(conn::commit)
                    .isInstanceOf(OperationalError.class)
                    .hasMessageContaining("rolled back, not committed")
                    .hasMessageContaining("duplicate key value")
                    .hasCauseInstanceOf(IntegrityError.class);
            assertThat(conn.inTransaction()).isFalse();
            assertThat(conn.execute(text("SELECT count(*) FROM users")).scalar(Integer.class))
                    .isZero();
        }
    }

    @Test
    void doubleColonCastsAreNotParameters() {
        try (Connection conn = engine.connect()) {
            assertThat(conn.execute(text("SELECT :n::int + 1"), Map.of("n", "41"))
                            .scalar())
                    .isEqualTo(42);
            assertThat(conn.execute(text("SELECT '{\"a\": 1}'::jsonb ->> 'a'")).scalar())
                    .isEqualTo("1");
            assertThat(conn.execute(text("SELECT CAST(:d AS date) + 1"), Map.of("d", "2024-02-28"))
                            .scalar())
                    .isEqualTo(LocalDate.of(2024, 2, 29));
        }
    }

    enum Mood {
        HAPPY,
        SAD
    }

    @Test
    void stringsAndEnumsFillColumnsOfAnyTypeAsLiteralsWould() {
        UUID id = UUID.randomUUID();
        try (Connection conn = engine.connect()) {
            conn.execute(text("CREATE TYPE mood AS ENUM ('HAPPY', 'SAD')"));
            conn.execute(text("CREATE TABLE t (u UUID, d DATE, j JSONB, m mood, n NUMERIC(5, 1))"));
            conn.execute(
                    text("INSERT INTO t VALUES (:u, :d, :j, :m, :n)"),
                    Map.of("u", id.toString(), "d", "2024-01-31", "j", "{\"k\": [1, 2]}", "m", Mood.SAD, "n", "2.5"));
            Row row = conn.execute(text("SELECT * FROM t WHERE m = :m"), Map.of("m", Mood.SAD))
                    .one();
            assertThat(row.get("u")).isEqualTo(id);
            assertThat(row.get("d")).isEqualTo(LocalDate.of(2024, 1, 31));
            assertThat(row.get("j")).isEqualTo("{\"k\": [1, 2]}");
            assertThat(row.get("m")).isEqualTo("SAD");
            assertThat(row.get("m", Mood.class)).isEqualTo(Mood.SAD);
            assertThat(row.get("n")).isEqualTo(new BigDecimal("2.5"));
        }
    }

    @Test
    void legacyDateValuesKeepTheirMeaning() {
        java.util.Date instant = java.util.Date.from(java.time.Instant.parse("2024-01-31T10:30:05Z"));
        try (Connection conn = engine.connect()) {
            Row row = conn.execute(
                            text("SELECT CAST(:i AS timestamptz) AS i, CAST(:d AS date) AS d"),
                            Map.of("i", instant, "d", java.sql.Date.valueOf("2024-01-31")))
                    .one();
            assertThat(row.get("i", java.time.Instant.class)).isEqualTo(instant.toInstant());
            assertThat(row.get("d")).isEqualTo(LocalDate.of(2024, 1, 31));
        }
    }

    @Test
    void nativeTypesAreReadAsJavaTimeAndJavaTypes() {
        try (Connection conn = engine.connect()) {
            Row row = conn.execute(text("SELECT TIMESTAMP '2024-01-31 12:30:05.123456' AS ts,"
                            + " TIMESTAMPTZ '2024-01-31 12:30:05+02' AS tz, DATE '2024-01-31' AS d,"
                            + " TIME '08:05:30.5' AS t, ARRAY[1, 2, 3] AS a, ARRAY['x', NULL] AS s,"
                            + " 1.50::numeric AS n, true AS b, 'x'::bytea AS bin, NULL::timestamp AS none"))
                    .one();
            assertThat(row.get("ts")).isEqualTo(LocalDateTime.of(2024, 1, 31, 12, 30, 5, 123_456_000));
            assertThat(row.get("tz", OffsetDateTime.class).toInstant())
                    .isEqualTo(OffsetDateTime.of(2024, 1, 31, 10, 30, 5, 0, ZoneOffset.UTC)
                            .toInstant());
            assertThat(row.get("d")).isEqualTo(LocalDate.of(2024, 1, 31));
            assertThat(row.get("t")).isEqualTo(LocalTime.of(8, 5, 30, 500_000_000));
            assertThat(row.get("a")).isEqualTo(new Integer[] {1, 2, 3});
            assertThat(row.get("s")).isEqualTo(new String[] {"x", null});
            assertThat(row.get("n")).isEqualTo(new BigDecimal("1.50"));
            assertThat(row.get("b")).isEqualTo(true);
            assertThat(row.get("bin")).isEqualTo(new byte[] {'x'});
            assertThat(row.get("none")).isNull();
        }
    }

    @Test
    void anUntypedParameterTestedOnlyForNullNeedsACast() {
        try (Connection conn = engine.connect()) {
            conn.execute(text("INSERT INTO users (name) VALUES ('a'), ('b')"));
            conn.commit();
            Map<String, Object> none = new HashMap<>();
            none.put("name", null);
            // PostgreSQL infers a parameter's type from where it is used, and "IS NULL" tells it nothing
            assertThatThrownBy(() -> conn.execute(
                            text("SELECT count(*) FROM users WHERE (:name IS NULL OR name = :name)"), none))
                    .isInstanceOf(ProgrammingError.class)
                    .hasMessageContaining("could not determine data type of parameter");
            conn.rollback();
            String query = "SELECT count(*) FROM users WHERE (CAST(:name AS TEXT) IS NULL OR name = :name)";
            assertThat(conn.execute(text(query), none).scalar(Integer.class)).isEqualTo(2);
            assertThat(conn.execute(text(query), Map.of("name", "a")).scalar(Integer.class))
                    .isEqualTo(1);
        }
    }

    @Test
    void aRowLockedElsewhereIsAnOperationalError() {
        try (Connection holder = engine.connect();
                Connection other = engine.connect()) {
            holder.execute(text("INSERT INTO users (name) VALUES ('a')"));
            holder.commit();
            holder.execute(text("SELECT * FROM users WHERE name = 'a' FOR UPDATE"));
            assertThatThrownBy(() -> other.execute(text("SELECT * FROM users WHERE name = 'a' FOR UPDATE NOWAIT")))
                    .isInstanceOf(OperationalError.class)
                    .hasMessageContaining("could not obtain lock");
        }
    }
}
