package dev.alchemy.sql;

import static dev.alchemy.Alchemy.case_;
import static dev.alchemy.Alchemy.delete;
import static dev.alchemy.Alchemy.func;
import static dev.alchemy.Alchemy.insert;
import static dev.alchemy.Alchemy.literal;
import static dev.alchemy.Alchemy.select;
import static dev.alchemy.Alchemy.text;
import static dev.alchemy.Alchemy.update;
import static dev.alchemy.Alchemy.when;
import static dev.alchemy.types.SqlTypes.INTEGER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.alchemy.engine.Connection;
import dev.alchemy.engine.Engine;
import dev.alchemy.exc.DBAPIError;
import dev.alchemy.schema.Column;
import dev.alchemy.schema.MetaData;
import dev.alchemy.schema.Table;
import dev.alchemy.testing.OnDatabases;
import dev.alchemy.testing.TestDatabase;
import dev.alchemy.types.SqlTypes;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;

/**
 * Values that would break SQL text (quotes, statement separators, comments) reach the database only as bound
 * parameters, from every place the expression language takes a value: they never appear in the SQL, they match only
 * themselves, and the table survives.
 */
@OnDatabases
class HostileValuesAreBoundTest {

    static final List<String> HOSTILE = List.of(
            "O'Brien",
            "'; DROP TABLE users; --",
            "\"; DROP TABLE users; --",
            "x' OR '1'='1",
            "%_\\/*?:name",
            "Robert'); DELETE FROM users WHERE ('1'='1");

    @Parameter
    TestDatabase db;

    Engine engine;
    final MetaData metadata = new MetaData();
    final Table users =
            Table.of("users", metadata, Column.of("id", INTEGER).primaryKey(), Column.of("name", SqlTypes.string(100)));

    @BeforeEach
    void createTable() {
        engine = db.createEngine();
        metadata.createAll(engine);
    }

    @AfterEach
    void dropTables() {
        db.reset();
    }

    @Test
    void insertedValuesRoundTripAndNeverReachTheSqlText() {
        try (Connection conn = engine.connect()) {
            for (int i = 0; i < HOSTILE.size(); i++) {
                Insert stmt = insert(users).values(Map.of("id", i + 1, "name", HOSTILE.get(i)));
                assertThat(stmt.toString()).doesNotContain(HOSTILE.get(i));
                conn.execute(stmt);
            }
            conn.commit();
            assertThat(conn.execute(select(users.c("name")).orderBy(users.c("id")))
                            .scalars())
                    .containsExactlyElementsOf(HOSTILE);
        }
    }

    @Test
    void everyPlaceThatTakesAValueBindsIt() {
        try (Connection conn = engine.connect()) {
            conn.execute(insert(users).values(Map.of("id", 1, "name", "plain")));
            for (String evil : HOSTILE) {
                List<Select> selects = List.of(
                        select(users.c("id")).where(users.c("name").eq(evil)),
                        select(users.c("id")).where(users.c("name").like(evil)),
                        select(users.c("id")).where(users.c("name").ilike(evil)),
                        select(users.c("id")).where(users.c("name").startsWith(evil)),
                        select(users.c("id")).where(users.c("name").endsWith(evil, true)),
                        select(users.c("id")).where(users.c("name").contains(evil)),
                        select(users.c("id")).where(users.c("name").in(List.of(evil, evil + "2"))),
                        select(users.c("id")).where(users.c("name").between(evil, evil)),
                        select(users.c("id"))
                                .where(func.coalesce(users.c("name"), evil).eq(evil)),
                        select(users.c("id")).where(users.c("name").concat(evil).eq(evil)),
                        select(users.c("id")).where(text("name = :n").bind("n", evil)));
                for (Select s : selects) {
                    assertThat(s.toString()).doesNotContain(evil);
                    assertThat(conn.execute(s).all()).as(s.toString()).isEmpty();
                }
                assertThat(conn.execute(select(literal(evil))).scalar()).isEqualTo(evil);
                assertThat(conn.execute(select(
                                        case_(when(users.c("id").eq(1), evil)).else_(evil)))
                                .scalar())
                        .isEqualTo(evil);
            }
            for (String evil : HOSTILE) {
                conn.execute(update(users)
                        .values(Map.of("name", evil))
                        .where(users.c("id").eq(1)));
                assertThat(conn.execute(select(users.c("name"))).scalar()).isEqualTo(evil);
                Insert upsert = insert(users).values(Map.of("id", 1, "name", "x"));
                conn.execute(upsert.onConflictDoUpdate(List.of("id"), Map.of("name", evil + "!")));
                assertThat(conn.execute(select(users.c("name"))).scalar()).isEqualTo(evil + "!");
                assertThat(conn.execute(delete(users).where(users.c("name").eq(evil)))
                                .rowcount())
                        .isZero();
            }
            conn.commit();
            assertThat(conn.execute(select(func.count()).selectFrom(users)).scalar())
                    .isEqualTo(1L);
        }
    }

    @Test
    void aNulCharacterIsBoundOrRefusedByTheDatabaseNeverSpliced() {
        String nul = "before\u0000after'; DROP TABLE users; --";
        try (Connection conn = engine.connect()) {
            Insert stmt = insert(users).values(Map.of("id", 1, "name", nul));
            assertThat(stmt.toString()).doesNotContain("before");
            if (db.isSqlite()) {
                conn.execute(stmt);
                assertThat(conn.execute(select(func.length(users.c("name")))).scalar())
                        .isNotNull();
                assertThat(conn.execute(select(users.c("id"))
                                        .where(users.c("name").eq(nul)))
                                .scalar())
                        .isEqualTo(1);
            } else if (db.isMariadb()) {
                // MariaDB's VARCHAR holds NUL like any other character: the value comes back whole
                conn.execute(stmt);
                assertThat(conn.execute(select(users.c("name"))).scalar()).isEqualTo(nul);
                assertThat(conn.execute(select(users.c("id"))
                                        .where(users.c("name").eq(nul)))
                                .scalar())
                        .isEqualTo(1);
            } else {
                // PostgreSQL's text cannot hold NUL: the server refuses the bound value
                assertThatThrownBy(() -> conn.execute(stmt)).isInstanceOf(DBAPIError.class);
            }
        }
        try (Connection conn = engine.connect()) {
            assertThat(conn.execute(select(func.count()).selectFrom(users)).scalar())
                    .isNotNull();
        }
    }
}
