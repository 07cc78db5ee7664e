package dev.alchemy.docs;

import static dev.alchemy.Alchemy.createEngine;
import static dev.alchemy.Alchemy.insert;
import static dev.alchemy.Alchemy.inspect;
import static dev.alchemy.Alchemy.select;
import static dev.alchemy.Alchemy.text;
import static dev.alchemy.types.SqlTypes.BIGINT;
import static dev.alchemy.types.SqlTypes.INTEGER;
import static dev.alchemy.types.SqlTypes.VARCHAR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.alchemy.dialect.Dialect;
import dev.alchemy.engine.Connection;
import dev.alchemy.engine.Engine;
import dev.alchemy.engine.EngineOptions;
import dev.alchemy.engine.Row;
import dev.alchemy.engine.Transaction;
import dev.alchemy.exc.IntegrityError;
import dev.alchemy.exc.OperationalError;
import dev.alchemy.schema.Column;
import dev.alchemy.schema.DDL;
import dev.alchemy.schema.MetaData;
import dev.alchemy.schema.Sequence;
import dev.alchemy.schema.Table;
import dev.alchemy.testing.OnDatabases;
import dev.alchemy.testing.TestDatabase;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;

/**
 * The Java snippets of {@code docs/postgresql.md}, run on the embedded PostgreSQL; {@link DocSnippetsTest} checks
 * that the page shows them exactly as they are here.
 */
@OnDatabases(TestDatabase.Kind.POSTGRESQL)
class PostgresqlDocTest {

    @Parameter
    TestDatabase db;

    Engine engine;

    @BeforeEach
    void users() {
        engine = db.createEngine();
        engine.useTransaction(conn -> conn.execute(
                text("CREATE TABLE users (id SERIAL PRIMARY KEY, name VARCHAR(50) NOT NULL UNIQUE, email VARCHAR)")));
    }

    @AfterEach
    void clean() {
        db.reset();
    }

    @Test
    void urls() {
        // tag::urls[]
        Engine engine = createEngine("postgresql://scott:tiger@db.example.com:5432/app");
        Engine tuned = createEngine(
                "postgresql://scott:tiger@db.example.com/app?sslmode=require&ApplicationName=shop",
                EngineOptions.defaults().poolSize(20));
        Engine jdbc = createEngine("jdbc:postgresql://db.example.com:5432/app?user=scott&password=tiger");
        // end::urls[]
        assertThat(engine.url().port()).isEqualTo(5432);
        assertThat(tuned.url().query()).containsEntry("sslmode", "require");
        assertThat(jdbc.dialect().name()).isEqualTo("postgresql");
        engine.dispose();
        tuned.dispose();
        jdbc.dispose();
    }

    @Test
    void abortedTransaction() {
        // tag::aborted[]
        try (Connection conn = engine.connect()) {
            conn.execute(text("INSERT INTO users (name) VALUES ('Alice')"));
            try {
                conn.execute(text("INSERT INTO users (name) VALUES ('Alice')")); // IntegrityError
            } catch (IntegrityError duplicate) {
                // on SQLite the transaction goes on; on PostgreSQL it is aborted: the next statement raises
                // OperationalError "current transaction is aborted ...", and commit() rolls back and raises
                conn.rollback();
            }
        }
        // end::aborted[]
        try (Connection conn = engine.connect()) {
            conn.execute(text("INSERT INTO users (name) VALUES ('Alice')"));
            assertThatThrownBy(() -> conn.execute(text("INSERT INTO users (name) VALUES ('Alice')")))
                    .isInstanceOf(IntegrityError.class);
            assertThatThrownBy(() -> conn.execute(text("SELECT 1")))
                    .isInstanceOf(OperationalError.class)
                    .hasMessageContaining("current transaction is aborted");
            assertThatThrownBy(conn::commit).isInstanceOf(OperationalError.class);
        }
    }

    @Test
    void savepointAroundWhatMayFail() {
        // tag::savepoint[]
        try (Connection conn = engine.connect()) {
            conn.execute(text("INSERT INTO users (name) VALUES ('Alice')"));
            Transaction savepoint = conn.beginNested();
            try {
                conn.execute(text("INSERT INTO users (name) VALUES ('Alice')"));
                savepoint.commit();
            } catch (IntegrityError duplicate) {
                savepoint.rollback(); // the transaction is usable again, Alice is still in it
            }
            conn.commit();
        }
        // end::savepoint[]
        try (Connection conn = engine.connect()) {
            assertThat(conn.execute(text("SELECT count(*) FROM users")).scalar(Integer.class))
                    .isEqualTo(1);
        }
    }

    @Test
    void castsAndNativeTypes() {
        try (Connection conn = engine.connect()) {
            // tag::types[]
            Row row = conn.execute(
                            text("SELECT :day::date + 1 AS next, now() AS at, gen_random_uuid() AS id"),
                            Map.of("day", "2024-02-28"))
                    .one();
            LocalDate next = (LocalDate) row.get("next"); // 2024-02-29: date columns come back as java.time
            OffsetDateTime at = row.get("at", OffsetDateTime.class); // timestamptz
            UUID id = (UUID) row.get("id");
            // end::types[]
            assertThat(next).isEqualTo(LocalDate.of(2024, 2, 29));
            assertThat(at).isNotNull();
            assertThat(id).isNotNull();
        }
    }

    @Test
    void nullTestNeedsACast() {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("name", null);
        try (Connection conn = engine.connect()) {
            // tag::null-cast[]
            // "(:name IS NULL OR ...)" fails on PostgreSQL: "could not determine data type of parameter $1"
            conn.execute(text("SELECT * FROM users WHERE (CAST(:name AS TEXT) IS NULL OR name = :name)"), parameters);
            // end::null-cast[]
        }
    }

    @Test
    void tablesInASchema() {
        // tag::schema[]
        MetaData metadata = new MetaData();
        Table items = Table.inSchema(
                "inventory", "items", metadata, Column.of("id", INTEGER).primaryKey(), Column.of("name", VARCHAR));
        engine.useTransaction(conn -> conn.execute(DDL.createSchema("inventory", Dialect.of(engine))));
        metadata.createAll(engine); // CREATE TABLE inventory.items (...)
        // end::schema[]
        try (Connection conn = engine.connect()) {
            conn.execute(insert(items).values(Map.of("name", "crate")));
            assertThat(conn.execute(select(items.c("name"))).scalars()).containsExactly("crate");
        }
        assertThat(inspect(engine).tableNames("inventory")).containsExactly("items");
        // as the page says: a SERIAL reads back as INTEGER with its sequence as the default
        assertThat(inspect(engine).columns("inventory", "items").get(0))
                .satisfies(c -> assertThat(c.type()).isEqualTo("INTEGER"))
                .satisfies(c -> assertThat(c.serverDefault()).startsWith("nextval('inventory.items_id_seq'"));
    }

    @Test
    void sequencesAfterCopyingRowsWithTheirIds() {
        // tag::setval[]
        try (Connection conn = engine.connect()) {
            conn.execute(text("INSERT INTO users (id, name) VALUES (1, 'copied from SQLite'), (2, 'also copied')"));
            // explicit ids do not move the SERIAL's sequence: set it past them, or the next INSERT fails on id 1
            conn.execute(text("SELECT setval(pg_get_serial_sequence('users', 'id'), max(id)) FROM users"));
            conn.execute(text("INSERT INTO users (name) VALUES ('new')")); // id 3
            conn.commit();
        }
        // end::setval[]
        try (Connection conn = engine.connect()) {
            assertThat(conn.execute(text("SELECT id FROM users WHERE name = 'new'"))
                            .scalar(Integer.class))
                    .isEqualTo(3);
        }
    }

    @Test
    void sequences() {
        // tag::sequence[]
        MetaData metadata = new MetaData();
        Sequence orderNumbers = Sequence.of("order_no_seq", metadata, 1000, 1);
        Table orders = Table.of(
                "orders",
                metadata,
                Column.of("id", INTEGER).primaryKey(),
                Column.of("order_no", BIGINT).notNull().serverDefault(orderNumbers.nextValue()));
        metadata.createAll(engine); // CREATE SEQUENCE order_no_seq INCREMENT BY 1 START WITH 1000, then the table
        try (Connection conn = engine.connect()) {
            Long next = conn.execute(select(orderNumbers.nextValue())).scalar(Long.class); // 1000
            conn.execute(insert(orders).values(Map.of())); // order_no 1001, from the default
            conn.commit();
        }
        // end::sequence[]
        try (Connection conn = engine.connect()) {
            assertThat(conn.execute(select(orders.c("order_no"))).scalar()).isEqualTo(1001L);
        }
    }
}
