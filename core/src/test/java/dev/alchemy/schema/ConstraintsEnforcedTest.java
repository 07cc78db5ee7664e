package dev.alchemy.schema;

import static dev.alchemy.Alchemy.insert;
import static dev.alchemy.Alchemy.text;
import static dev.alchemy.types.SqlTypes.BIGINT;
import static dev.alchemy.types.SqlTypes.INTEGER;
import static dev.alchemy.types.SqlTypes.string;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.alchemy.engine.Connection;
import dev.alchemy.engine.Engine;
import dev.alchemy.engine.Row;
import dev.alchemy.exc.IntegrityError;
import dev.alchemy.testing.OnDatabases;
import dev.alchemy.testing.TestDatabase;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;

/** The constraints the DDL declares are the database's: violations fail with IntegrityError, defaults fill in. */
@OnDatabases
class ConstraintsEnforcedTest {

    @Parameter
    TestDatabase db;

    Engine engine;
    MetaData metadata = new MetaData();
    AtomicInteger sequence = new AtomicInteger(100);
    Table parent;
    Table child;
    Table account;

    @BeforeEach
    void createTables() {
        engine = db.createEngine();
        parent = Table.of(
                "parent",
                metadata,
                Column.of("id", BIGINT).primaryKey(), // Long key: the rowid alias on SQLite, BIGSERIAL on PostgreSQL
                Column.of("name", string(50)).notNull().unique());
        child = Table.of(
                "child",
                metadata,
                Column.of("id", INTEGER).primaryKey(),
                Column.of("parent_id", BIGINT)
                        .notNull()
                        .references(ForeignKey.to("parent.id").onDelete("CASCADE")),
                Column.of("note", db.varchar()));
        account = Table.of(
                "account",
                metadata,
                Column.of("id", INTEGER).primaryKey(),
                Column.of("email", string(100)).index().unique(),
                Column.of("balance", INTEGER).notNull().check("balance >= 0"),
                Column.of("status", string(10)).serverDefaultString("new"),
                Column.of("tier", INTEGER).serverDefault("1"),
                Column.of("code", INTEGER).defaultSupplier(sequence::incrementAndGet),
                Column.of("region", string(5)).defaultValue("eu"),
                CheckConstraint.of("tier BETWEEN 1 AND 3").name("ck_account_tier"));
        metadata.createAll(engine);
    }

    @AfterEach
    void clean() {
        db.reset();
    }

    @Test
    void longKeysAreGeneratedOnEveryDatabase() {
        try (Connection conn = engine.connect()) {
            Row row = conn.execute(insert(parent).values(Map.of("name", "p1")).returning(parent.c("id")))
                    .one();
            assertThat(row.get("id")).isEqualTo(1L);
            Row second = conn.execute(
                            insert(parent).values(Map.of("name", "p2")).returning(parent.c("id")))
                    .one();
            assertThat(second.get("id")).isEqualTo(2L);
        }
    }

    @Test
    void uniqueViolationIsAnIntegrityError() {
        try (Connection conn = engine.connect()) {
            conn.execute(insert(parent).values(Map.of("name", "same")));
            assertThatThrownBy(() -> conn.execute(insert(parent).values(Map.of("name", "same"))))
                    .isInstanceOf(IntegrityError.class);
        }
    }

    @Test
    void uniqueIndexViolationIsAnIntegrityError() {
        try (Connection conn = engine.connect()) {
            conn.execute(insert(account).values(Map.of("email", "a@x", "balance", 0)));
            assertThatThrownBy(() -> conn.execute(insert(account).values(Map.of("email", "a@x", "balance", 0))))
                    .isInstanceOf(IntegrityError.class);
        }
    }

    @Test
    void onDeleteCascadeRemovesChildren() {
        try (Connection conn = engine.connect()) {
            conn.execute(text("INSERT INTO parent (id, name) VALUES (1, 'p')"));
            conn.execute(text("INSERT INTO child (id, parent_id) VALUES (1, 1), (2, 1)"));
            conn.execute(text("DELETE FROM parent WHERE id = 1"));
            assertThat(conn.execute(text("SELECT count(*) FROM child")).scalar(Integer.class))
                    .isZero();
        }
    }

    @Test
    void aMissingParentIsAnIntegrityError() {
        try (Connection conn = engine.connect()) {
            assertThatThrownBy(() -> conn.execute(text("INSERT INTO child (id, parent_id) VALUES (1, 42)")))
                    .isInstanceOf(IntegrityError.class);
        }
    }

    @Test
    void checkAndNotNullViolationsAreIntegrityErrors() {
        assertThatThrownBy(() -> insertAccount(Map.of("email", "a@x", "balance", -1)))
                .as("inline column CHECK")
                .isInstanceOf(IntegrityError.class);
        assertThatThrownBy(() -> insertAccount(Map.of("email", "b@x", "balance", 1, "tier", 7)))
                .as("named table CHECK")
                .isInstanceOf(IntegrityError.class)
                .hasMessageContaining("ck_account_tier");
        assertThatThrownBy(() -> insertAccount(Map.of("email", "c@x")))
                .as("NOT NULL")
                .isInstanceOf(IntegrityError.class);
    }

    /** One connection per statement: after an error PostgreSQL refuses the rest of the transaction. */
    void insertAccount(Map<String, ?> values) {
        try (Connection conn = engine.connect()) {
            conn.execute(insert(account).values(values));
        }
    }

    @Test
    void serverAndJavaSideDefaultsFillWhatTheInsertLeavesOut() {
        try (Connection conn = engine.connect()) {
            conn.execute(insert(account).values(Map.of("email", "a@x", "balance", 5)));
            conn.execute(insert(account).values(Map.of("email", "b@x", "balance", 5, "region", "us")));
            Row first = conn.execute(text("SELECT status, tier, code, region FROM account ORDER BY id"))
                    .first();
            assertThat(first.get("status")).isEqualTo("new");
            assertThat(((Number) first.get("tier")).intValue()).isEqualTo(1);
            assertThat(((Number) first.get("code")).intValue()).isEqualTo(101);
            assertThat(first.get("region")).isEqualTo("eu");
            assertThat(conn.execute(text("SELECT region FROM account WHERE email = 'b@x'"))
                            .scalar())
                    .isEqualTo("us");
        }
        assertThat(insert(account).values(Map.of("balance", 1)).toString())
                .isEqualTo("INSERT INTO account (balance, code, region) VALUES (?, ?, ?)");
    }
}
