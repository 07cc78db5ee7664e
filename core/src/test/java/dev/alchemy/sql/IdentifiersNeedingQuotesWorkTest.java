package dev.alchemy.sql;

import static dev.alchemy.Alchemy.delete;
import static dev.alchemy.Alchemy.func;
import static dev.alchemy.Alchemy.insert;
import static dev.alchemy.Alchemy.select;
import static dev.alchemy.Alchemy.update;
import static dev.alchemy.types.SqlTypes.INTEGER;
import static org.assertj.core.api.Assertions.assertThat;

import dev.alchemy.engine.Connection;
import dev.alchemy.engine.Engine;
import dev.alchemy.engine.Row;
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
 * Tables and columns named {@code user}, {@code order}, {@code select}, in mixed case or with spaces (reference
 * §1.14) are quoted by the dialect wherever the expression language writes them: SELECT, joins, aliases,
 * subqueries, INSERT, UPDATE, DELETE, upserts, RETURNING; rows are keyed by the names as given.
 */
@OnDatabases
class IdentifiersNeedingQuotesWorkTest {

    @Parameter
    TestDatabase db;

    Engine engine;
    final MetaData metadata = new MetaData();
    final Table user = Table.of(
            "user",
            metadata,
            Column.of("id", INTEGER).primaryKey(),
            Column.of("order", INTEGER),
            Column.of("user", SqlTypes.string(100)),
            Column.of("Mixed Case", SqlTypes.string(100)),
            Column.of("with space", SqlTypes.string(100)),
            Column.of("select", INTEGER));
    final Table orderItems = Table.of(
            "Order Items",
            metadata,
            Column.of("ID", INTEGER).primaryKey(),
            Column.of("user id", INTEGER).references("user.id"),
            Column.of("Group", SqlTypes.string(100)));

    @BeforeEach
    void createTables() {
        engine = db.createEngine();
        metadata.createAll(engine);
    }

    @AfterEach
    void dropTables() {
        db.reset();
    }

    @Test
    void everyStatementQuotesWhatNeedsIt() {
        try (Connection conn = engine.connect()) {
            Row returned = conn.execute(insert(user)
                            .values(Map.of(
                                    "id",
                                    1,
                                    "order",
                                    5,
                                    "user",
                                    "u",
                                    "Mixed Case",
                                    "M",
                                    "with space",
                                    "s",
                                    "select",
                                    7))
                            .returning(user.c("Mixed Case"), user.c("select")))
                    .one();
            assertThat(returned.keys()).containsExactly("Mixed Case", "select");
            assertThat(returned.get("Mixed Case")).isEqualTo("M");
            conn.execute(insert(orderItems).values(Map.of("ID", 10, "user id", 1, "Group", "g")));

            Row r = conn.execute(select(user)
                            .where(user.c("order").gt(1), user.c("with space").eq("s")))
                    .one();
            assertThat(r.asMap())
                    .containsEntry("order", 5)
                    .containsEntry("user", "u")
                    .containsEntry("Mixed Case", "M")
                    .containsEntry("select", 7);

            assertThat(conn.execute(select(user.c("user"), orderItems.c("Group"))
                                    .join(orderItems)
                                    .orderBy(orderItems.c("ID").desc()))
                            .all())
                    .extracting(x -> x.get("Group"))
                    .containsExactly("g");

            TableClause alias = user.alias("Select");
            assertThat(conn.execute(select(alias.c("Mixed Case"))
                                    .where(alias.c("select").eq(7)))
                            .scalar())
                    .isEqualTo("M");

            Subquery sub = select(user.c("order"), func.count().label("Count"))
                    .groupBy(user.c("order"))
                    .subquery("Sub Q");
            assertThat(conn.execute(select(sub.c("Count")).where(sub.c("order").eq(5)))
                            .scalar())
                    .isEqualTo(1L);

            Cte cte = select(user.c("id"), user.c("Mixed Case")).cte("User Names");
            assertThat(conn.execute(select(cte.c("Mixed Case"))).scalar()).isEqualTo("M");

            conn.execute(update(user).values(Map.of("order", user.c("order").plus(1), "with space", "t")));
            Insert upsert = insert(user).values(Map.of("id", 1, "select", 8));
            conn.execute(upsert.onConflictDoUpdate(List.of("id"), Map.of("select", upsert.excluded("select"))));
            assertThat(conn.execute(select(user.c("order"), user.c("with space"), user.c("select")))
                            .all())
                    .extracting(x -> List.of(x.get(0), x.get(1), x.get(2)))
                    .containsExactly(List.of(6, "t", 8));

            assertThat(conn.execute(delete(orderItems)
                                    .where(orderItems.c("Group").eq("g")))
                            .rowcount())
                    .isEqualTo(1);
        }
    }
}
