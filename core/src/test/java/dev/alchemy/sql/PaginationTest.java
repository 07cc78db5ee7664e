package dev.alchemy.sql;

import static dev.alchemy.Alchemy.insert;
import static dev.alchemy.Alchemy.select;
import static dev.alchemy.types.SqlTypes.INTEGER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.alchemy.engine.Connection;
import dev.alchemy.engine.Engine;
import dev.alchemy.engine.Row;
import dev.alchemy.engine.StatementListener;
import dev.alchemy.exc.ArgumentError;
import dev.alchemy.schema.Column;
import dev.alchemy.schema.MetaData;
import dev.alchemy.schema.Table;
import dev.alchemy.testing.OnDatabases;
import dev.alchemy.testing.TestDatabase;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;

/**
 * Pagination in Core: {@link OffsetPage} (LIMIT/OFFSET and a count built by the compiler) and {@link KeysetPage} (the
 * seek condition of {@link Select#after(Keyset)}), over 25 people whose names repeat, so that only the ORDER BY's
 * last item, the key, makes the order unique.
 */
@OnDatabases
class PaginationTest {

    @Parameter
    TestDatabase db;

    Engine engine;
    final MetaData metadata = new MetaData();
    Table people;
    final List<String> statements = new CopyOnWriteArrayList<>();
    final StatementListener listener = event -> statements.add(event.sql());

    @BeforeEach
    void fill() {
        people = Table.of(
                "people",
                metadata,
                Column.of("id", INTEGER).primaryKey(),
                Column.of("name", db.varchar()).nullable(false),
                Column.of("age", INTEGER));
        engine = db.createEngine();
        metadata.createAll(engine);
        List<Map<String, ?>> rows = new ArrayList<>();
        for (int i = 1; i <= 25; i++) {
            rows.add(Map.of("id", i, "name", "name " + (char) ('a' + i % 7), "age", 20 + i));
        }
        engine.useTransaction(conn -> conn.execute(insert(people), rows));
        engine.addStatementListener(listener);
    }

    @AfterEach
    void clean() {
        db.reset();
    }

    private static List<Integer> ids(List<Row> rows) {
        return rows.stream().map(r -> r.get("id", Integer.class)).toList();
    }

    private List<Integer> everyIdIn(Select ordered) {
        try (Connection conn = engine.connect()) {
            return ids(conn.execute(ordered).all());
        }
    }

    @Test
    void offsetPagesCarryTheTotalAndTheirNeighbours() {
        Select byId = select(people).orderBy(people.c("id"));
        try (Connection conn = engine.connect()) {
            OffsetPage<Row> first = OffsetPage.fetch(conn, byId, 1, 10);
            assertThat(ids(first.items())).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
            assertThat(first.total()).isEqualTo(25);
            assertThat(first.totalPages()).isEqualTo(3);
            assertThat(first.hasNext()).isTrue();
            assertThat(first.hasPrevious()).isFalse();

            OffsetPage<Row> last = OffsetPage.fetch(conn, byId, 3, 10);
            assertThat(ids(last.items())).containsExactly(21, 22, 23, 24, 25);
            assertThat(last.total()).isEqualTo(25);
            assertThat(last.hasNext()).isFalse();
            assertThat(last.hasPrevious()).isTrue();

            OffsetPage<Row> beyond = OffsetPage.fetch(conn, byId, 4, 10);
            assertThat(beyond.items()).isEmpty();
            assertThat(beyond.total()).isEqualTo(25); // counted: the page itself cannot tell
            assertThat(beyond.map(r -> r.get("name", String.class)).number()).isEqualTo(4);
        }
    }

    @Test
    void theCountIsAskedOnlyWhenThePageCannotTellTheTotal() {
        Select adults = select(people).where(people.c("age").ge(40)).orderBy(people.c("id")); // 6 rows: 40..45
        try (Connection conn = engine.connect()) {
            statements.clear();
            OffsetPage<Row> all = OffsetPage.fetch(conn, adults, 1, 10); // not full: the total is its size
            assertThat(all.total()).isEqualTo(6);
            assertThat(statements).hasSize(1);

            statements.clear();
            OffsetPage<Row> full = OffsetPage.fetch(conn, adults, 1, 3);
            assertThat(full.total()).isEqualTo(6);
            assertThat(statements).hasSize(2);
            assertThat(statements.get(1))
                    .startsWith("SELECT count(*) AS count_1")
                    .contains(") AS anon_1")
                    .doesNotContain("ORDER BY"); // a count needs no sort
        }
    }

    @Test
    void theCountStatementIsBuiltByTheCompilerWithBoundValues() {
        Select adults = select(people.c("name")).where(people.c("age").ge(40)).orderBy(people.c("name"));
        try (Connection conn = engine.connect()) {
            assertThat(conn.execute(adults.countStatement()).scalar(Long.class)).isEqualTo(6);
        }
        assertThat(adults.countStatement().toString()).doesNotContain("40").doesNotContain("ORDER BY");
    }

    @Test
    void keysetPagesWalkAMixedOrderOnceWithoutGapsOrRepeats() {
        Select order = select(people).orderBy(people.c("name").desc(), people.c("id"));
        List<Integer> expected = everyIdIn(order);
        List<Integer> walked = new ArrayList<>();
        int pages = 0;
        try (Connection conn = engine.connect()) {
            KeysetPage<Row> page = KeysetPage.fetch(conn, order, 4, null);
            assertThat(page.after()).isNull();
            while (true) {
                pages++;
                walked.addAll(ids(page.items()));
                if (!page.hasNext()) {
                    break;
                }
                assertThat(page.items()).hasSize(4);
                Row last = page.items().get(3);
                assertThat(page.next().values())
                        .containsExactly(last.get("name", String.class), last.get("id", Integer.class));
                page = KeysetPage.fetch(conn, order, 4, page.next());
            }
        }
        assertThat(walked).isEqualTo(expected).hasSize(25);
        assertThat(new HashSet<>(walked)).hasSize(25);
        assertThat(pages).isEqualTo(7);
    }

    @Test
    void aPositionRebuiltFromItsValuesContinuesTheWalk() {
        Select order = select(people.c("id"), people.c("name")).orderBy(people.c("name"), people.c("id"));
        List<Integer> expected = everyIdIn(order);
        try (Connection conn = engine.connect()) {
            KeysetPage<Row> first = KeysetPage.fetch(conn, order, 5, null);
            List<Object> sent = first.next().values(); // as a web API would hand them out and get them back
            KeysetPage<Row> second = KeysetPage.fetch(conn, order, 5, Keyset.of(sent.get(0), sent.get(1)));
            assertThat(ids(second.items())).isEqualTo(expected.subList(5, 10));
        }
    }

    @Test
    void theSeekConditionIsARangeOfBoundValues() {
        String sql = select(people)
                .orderBy(people.c("name"), people.c("id").desc())
                .after(Keyset.of("x'; DROP TABLE people; --", 7))
                .toString();
        assertThat(sql)
                .contains("people.name >= ")
                .contains("people.name > ")
                .contains("people.id < ")
                .doesNotContain("DROP TABLE");
    }

    @Test
    void keysetAndOffsetPagesKeepTheQuerysOwnConditions() {
        Select adults = select(people).where(people.c("age").ge(40)).orderBy(people.c("id"));
        try (Connection conn = engine.connect()) {
            KeysetPage<Row> first = KeysetPage.fetch(conn, adults, 4, null);
            assertThat(ids(first.items())).containsExactly(20, 21, 22, 23);
            KeysetPage<Row> second = KeysetPage.fetch(conn, adults, 4, first.next());
            assertThat(ids(second.items())).containsExactly(24, 25);
            assertThat(second.hasNext()).isFalse();
            assertThat(ids(OffsetPage.fetch(conn, adults, 2, 4).items())).containsExactly(24, 25);
        }
    }

    @Test
    void queriesThatCannotBePagedAreRefusedInTheUsersTerms() {
        Select unordered = select(people);
        Select ordered = select(people).orderBy(people.c("id"));
        try (Connection conn = engine.connect()) {
            assertThatThrownBy(() -> OffsetPage.fetch(conn, unordered, 1, 10))
                    .isInstanceOf(ArgumentError.class)
                    .hasMessageContaining("need an ORDER BY");
            assertThatThrownBy(() -> KeysetPage.fetch(conn, unordered, 10, null))
                    .isInstanceOf(ArgumentError.class)
                    .hasMessageContaining("need an ORDER BY");
            assertThatThrownBy(() -> OffsetPage.fetch(conn, ordered.limit(5), 1, 10))
                    .isInstanceOf(ArgumentError.class)
                    .hasMessageContaining("LIMIT 5");
            assertThatThrownBy(() -> OffsetPage.fetch(conn, ordered, 0, 10))
                    .isInstanceOf(ArgumentError.class)
                    .hasMessageContaining("start at 1");
            assertThatThrownBy(() -> OffsetPage.fetch(conn, ordered, 1, 0)).isInstanceOf(ArgumentError.class);
            assertThatThrownBy(() -> OffsetPage.fetch(conn, ordered, Integer.MAX_VALUE, 1000))
                    .isInstanceOf(ArgumentError.class)
                    .hasMessageContaining("KeysetPage");
            assertThatThrownBy(() -> KeysetPage.fetch(conn, ordered, 10, Keyset.of(1, 2)))
                    .isInstanceOf(ArgumentError.class)
                    .hasMessageContaining("2 value(s)");
            assertThatThrownBy(() -> Keyset.of(1, null))
                    .isInstanceOf(ArgumentError.class)
                    .hasMessageContaining("never NULL");
            Select nameOnly = select(people.c("name")).orderBy(people.c("age"), people.c("id"));
            assertThatThrownBy(() -> KeysetPage.fetch(conn, nameOnly, 2, null))
                    .isInstanceOf(ArgumentError.class)
                    .hasMessageContaining("is not selected");
        }
    }
}
