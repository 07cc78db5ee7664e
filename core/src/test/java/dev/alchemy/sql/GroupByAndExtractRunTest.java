package dev.alchemy.sql;

import static dev.alchemy.Alchemy.case_;
import static dev.alchemy.Alchemy.extract;
import static dev.alchemy.Alchemy.func;
import static dev.alchemy.Alchemy.insert;
import static dev.alchemy.Alchemy.select;
import static dev.alchemy.Alchemy.when;
import static dev.alchemy.sql.CoreFixture.row;
import static dev.alchemy.types.SqlTypes.DATE;
import static dev.alchemy.types.SqlTypes.DATETIME;
import static dev.alchemy.types.SqlTypes.INTEGER;
import static dev.alchemy.types.SqlTypes.string;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.alchemy.engine.Connection;
import dev.alchemy.engine.Engine;
import dev.alchemy.engine.Row;
import dev.alchemy.schema.Column;
import dev.alchemy.schema.MetaData;
import dev.alchemy.schema.Table;
import dev.alchemy.testing.OnDatabases;
import dev.alchemy.testing.TestDatabase;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;

/**
 * GROUP BY a labelled expression with bound values (a CASE with literals) runs on PostgreSQL as on SQLite, with the
 * values still bound; {@code extract} returns the parts SQLAlchemy 1.4 returns for the same rows on SQLite.
 */
@OnDatabases
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GroupByAndExtractRunTest {

    @Parameter
    TestDatabase db;

    Engine engine;
    final MetaData metadata = new MetaData();
    final Table t = Table.of(
            "events",
            metadata,
            Column.of("id", INTEGER).primaryKey(),
            Column.of("n", INTEGER),
            Column.of("status", string(20)),
            Column.of("d", DATETIME),
            Column.of("day", DATE));

    @BeforeParameterizedClassInvocation
    void createRows() {
        engine = db.createEngine();
        metadata.createAll(engine);
        try (Connection conn = engine.connect()) {
            conn.execute(insert(t)
                    .values(List.of(
                            row(
                                    "id",
                                    1,
                                    "n",
                                    5,
                                    "status",
                                    "a",
                                    "d",
                                    LocalDateTime.of(2024, 3, 9, 14, 5, 7),
                                    "day",
                                    LocalDate.of(2024, 3, 9)),
                            row(
                                    "id",
                                    2,
                                    "n",
                                    7,
                                    "status",
                                    "b",
                                    "d",
                                    LocalDateTime.of(2025, 12, 31, 23, 59, 58),
                                    "day",
                                    LocalDate.of(2025, 12, 31)),
                            row(
                                    "id",
                                    3,
                                    "n",
                                    9,
                                    "status",
                                    "b",
                                    "d",
                                    LocalDateTime.of(2025, 1, 1, 0, 0, 0),
                                    "day",
                                    LocalDate.of(2025, 1, 1)))));
            conn.commit();
        }
    }

    @AfterParameterizedClassInvocation
    void dropTables() {
        db.reset();
    }

    List<Tuple> rows(Select s) {
        try (Connection conn = engine.connect()) {
            return conn.execute(s).all().stream()
                    .map(r -> tuple(r.asMap().values().toArray()))
                    .toList();
        }
    }

    ColumnElement<String> size() {
        return case_(when(t.c("n").gt(6), "big")).else_("small");
    }

    @Test
    void groupByALabelledCaseWithLiterals() {
        ColumnElement<String> size = size().label("size");
        assertThat(rows(select(size, func.count()).groupBy(size).orderBy(size)))
                .containsExactly(tuple("big", 2L), tuple("small", 1L));
    }

    @Test
    void groupByTheCaseWithoutItsLabelOrUnlabelled() {
        assertThat(rows(select(size().label("size"), func.count())
                        .groupBy(size())
                        .orderBy(size())))
                .containsExactly(tuple("big", 2L), tuple("small", 1L));
        assertThat(rows(select(size(), func.count()).groupBy(size()).orderBy(size().desc())))
                .containsExactly(tuple("small", 1L), tuple("big", 2L));
    }

    @Test
    void aLabelNamedLikeAColumnStillGroupsByTheExpression() {
        // GROUP BY status would mean the column: three groups a, b, b → two; the CASE gives big 2, small 1
        ColumnElement<String> status = size().label("status");
        assertThat(rows(select(status, func.count()).groupBy(status).orderBy(status)))
                .containsExactly(tuple("big", 2L), tuple("small", 1L));
    }

    @Test
    void groupByInASubquery() {
        ColumnElement<String> size = size().label("size");
        Subquery sub = select(size, func.count().label("c")).groupBy(size).subquery("s");
        assertThat(rows(select(sub.c("size"), sub.c("c")).orderBy(sub.c("size"))))
                .containsExactly(tuple("big", 2L), tuple("small", 1L));
    }

    @Test
    void extractReturnsThePartsOfADatetime() {
        try (Connection conn = engine.connect()) {
            Row r = conn.execute(select(
                                    extract("year", t.c("d")),
                                    extract("month", t.c("d")),
                                    extract("day", t.c("d")),
                                    extract("hour", t.c("d")),
                                    extract("minute", t.c("d")),
                                    extract("doy", t.c("d")),
                                    extract("dow", t.c("d")))
                            .where(t.c("id").eq(1)))
                    .one();
            // SQLAlchemy 1.4 on SQLite: 2024, 3, 9, 14, 5, 69, 6
            assertThat(r.asMap().values()).containsExactly(2024, 3, 9, 14, 5, 69, 6);
            Row s = conn.execute(select(extract("second", t.c("d")), extract("epoch", t.c("d")))
                            .where(t.c("id").eq(2)))
                    .one();
            assertThat((BigDecimal) s.get(0)).isEqualByComparingTo("58");
            assertThat((BigDecimal) s.get(1)).isEqualByComparingTo("1767225598"); // SQLAlchemy: 1767225598
            // the ISO week on PostgreSQL and MariaDB, STRFTIME's %W on SQLite: both 10 for 2024-03-09
            assertThat(conn.execute(select(extract("week", t.c("d")))
                                    .where(t.c("id").eq(1)))
                            .scalar())
                    .isEqualTo(10);
            assertThat(conn.execute(select(extract("year", t.c("day")))
                                    .where(t.c("id").eq(2)))
                            .scalar())
                    .isEqualTo(2025);
        }
    }

    @Test
    void groupAndFilterByAnExtractedYear() {
        ColumnElement<Number> year = extract("year", t.c("d"));
        assertThat(rows(select(year.label("year"), func.count()).groupBy(year).orderBy(year)))
                .containsExactly(tuple(2024, 1L), tuple(2025, 2L));
        assertThat(rows(select(t.c("id"))
                        .where(extract("year", t.c("d")).eq(2025))
                        .orderBy(t.c("id"))))
                .containsExactly(tuple(2), tuple(3));
    }
}
