package dev.alchemy.sql;

import static dev.alchemy.Alchemy.case_;
import static dev.alchemy.Alchemy.extract;
import static dev.alchemy.Alchemy.func;
import static dev.alchemy.Alchemy.select;
import static dev.alchemy.Alchemy.when;
import static dev.alchemy.sql.CoreFixture.postgresql;
import static dev.alchemy.sql.CoreFixture.sqlite;
import static dev.alchemy.types.SqlTypes.DATETIME;
import static dev.alchemy.types.SqlTypes.INTEGER;
import static dev.alchemy.types.SqlTypes.NUMERIC;
import static dev.alchemy.types.SqlTypes.VARCHAR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.alchemy.dialect.Dialect;
import dev.alchemy.engine.EngineDialect;
import dev.alchemy.exc.ArgumentError;
import dev.alchemy.exc.CompileError;
import dev.alchemy.schema.Column;
import dev.alchemy.schema.MetaData;
import dev.alchemy.schema.Table;
import org.junit.jupiter.api.Test;

/**
 * {@code extract} compiles as SQLAlchemy 1.4 compiles {@code extract('year', t.c.d)} (its default compiler for
 * PostgreSQL, {@code visit_extract} with its {@code extract_map} for SQLite), and GROUP BY / ORDER BY refer to a
 * selected expression with bound values by its label or position, so that PostgreSQL sees one set of parameters.
 */
class ExtractAndGroupByCompileTest {

    final Table t = Table.of(
            "t",
            new MetaData(),
            Column.of("id", INTEGER).primaryKey(),
            Column.of("n", INTEGER),
            Column.of("status", VARCHAR),
            Column.of("d", DATETIME));

    @Test
    void extractIsEXTRACTOnPostgresqlAndSTRFTIMEOnSqlite() {
        Select s = select(extract("year", t.c("d")), extract("DOW", t.c("d")).label("dow"));
        assertThat(postgresql(s).sql())
                .isEqualTo("SELECT EXTRACT(year FROM t.d) AS anon_1, EXTRACT(dow FROM t.d) AS dow \nFROM t");
        assertThat(sqlite(s).sql())
                .isEqualTo("SELECT CAST(STRFTIME('%Y', t.d) AS INTEGER) AS anon_1, "
                        + "CAST(STRFTIME('%w', t.d) AS INTEGER) AS dow \nFROM t");
        String[][] sqliteFormats = {
            {"month", "%m"}, {"day", "%d"}, {"year", "%Y"}, {"second", "%S"}, {"hour", "%H"},
            {"doy", "%j"}, {"minute", "%M"}, {"epoch", "%s"}, {"dow", "%w"}, {"week", "%W"}
        };
        for (String[] f : sqliteFormats) {
            assertThat(sqlite(select(extract(f[0], t.c("d")))).sql())
                    .startsWith("SELECT CAST(STRFTIME('" + f[1] + "', t.d) AS INTEGER)");
            assertThat(postgresql(select(extract(f[0], t.c("d")))).sql())
                    .startsWith("SELECT EXTRACT(" + f[0] + " FROM t.d)");
        }
        assertThat(postgresql(select(t.c("id")).where(extract("year", t.c("d")).eq(2024)))
                        .sql())
                .isEqualTo("SELECT t.id \nFROM t \nWHERE EXTRACT(year FROM t.d) = ?");
    }

    static final Dialect MARIADB = Dialect.of(EngineDialect.forName("mariadb"));

    static String mariadb(ClauseElement statement) {
        return SqlCompiler.compile(statement, MARIADB).sql();
    }

    @Test
    void extractOnMysqlUsesItsFunctionsWhereItsExtractLacksTheField() {
        String[][] forms = {
            {"year", "EXTRACT(YEAR FROM t.d)"},
            {"quarter", "EXTRACT(QUARTER FROM t.d)"},
            {"month", "EXTRACT(MONTH FROM t.d)"},
            {"day", "EXTRACT(DAY FROM t.d)"},
            {"hour", "EXTRACT(HOUR FROM t.d)"},
            {"minute", "EXTRACT(MINUTE FROM t.d)"},
            {"week", "WEEK(t.d, 3)"},
            {"doy", "DAYOFYEAR(t.d)"},
            {"dow", "(DAYOFWEEK(t.d) - 1)"},
            {"second", "(EXTRACT(SECOND_MICROSECOND FROM t.d) * 0.000001)"},
            {"milliseconds", "(EXTRACT(SECOND_MICROSECOND FROM t.d) * 0.001)"},
            {"microseconds", "EXTRACT(SECOND_MICROSECOND FROM t.d)"},
            {"epoch", "(TIMESTAMPDIFF(MICROSECOND, '1970-01-01 00:00:00', t.d) * 0.000001)"}
        };
        for (String[] f : forms) {
            assertThat(mariadb(select(extract(f[0], t.c("d"))))).startsWith("SELECT " + f[1] + " AS anon_1");
        }
        assertThatThrownBy(() -> mariadb(select(extract("timezone_hour", t.c("d")))))
                .isInstanceOf(CompileError.class)
                .hasMessageContaining("cannot extract 'timezone_hour'");
    }

    @Test
    void integerDivisionIsDivOnMysqlOnly() {
        assertThat(mariadb(select(t.c("n").div(2)))).startsWith("SELECT t.n DIV ? AS anon_1");
        assertThat(mariadb(select(t.c("n").div(2.0)))).startsWith("SELECT t.n / ? AS anon_1");
        assertThat(postgresql(select(t.c("n").div(2))).sql()).startsWith("SELECT t.n / ? AS anon_1");
    }

    @Test
    void extractIsTypedByItsField() {
        assertThat(extract("year", t.c("d")).type()).isEqualTo(INTEGER);
        assertThat(extract("dow", t.c("d")).type()).isEqualTo(INTEGER);
        assertThat(extract("second", t.c("d")).type()).isEqualTo(NUMERIC);
        assertThat(extract("epoch", t.c("d")).type()).isEqualTo(NUMERIC);
    }

    @Test
    void anUnknownFieldIsAnArgumentErrorAndOneSqliteLacksACompileError() {
        assertThatThrownBy(() -> extract("year FROM t.d); DROP TABLE t; --", t.c("d")))
                .isInstanceOf(ArgumentError.class)
                .hasMessageContaining("is not a field EXTRACT knows")
                .hasMessageContaining("year, quarter, month");
        assertThat(postgresql(select(extract("quarter", t.c("d")))).sql()).startsWith("SELECT EXTRACT(quarter FROM");
        assertThatThrownBy(() -> sqlite(select(extract("quarter", t.c("d")))))
                .isInstanceOf(CompileError.class)
                .hasMessageContaining("SQLite cannot extract 'quarter'");
    }

    ColumnElement<String> size() {
        return case_(when(t.c("n").gt(5), "big")).else_("small");
    }

    @Test
    void groupByALabelledExpressionWithBoundValuesWritesItsLabel() {
        ColumnElement<String> size = size().label("size");
        Select s = select(size, func.count()).groupBy(size).orderBy(size);
        String expected = "SELECT CASE WHEN (t.n > ?) THEN ? ELSE ? END AS size, count(*) AS count_1 \nFROM t "
                + "GROUP BY size ORDER BY size";
        assertThat(postgresql(s).sql()).isEqualTo(expected);
        assertThat(sqlite(s).sql()).isEqualTo(expected);
        assertThat(postgresql(s).parameters()).hasSize(3);
        // the expression without its label refers to the labelled column too
        assertThat(postgresql(select(size, func.count()).groupBy(size())).sql()).endsWith("GROUP BY size");
    }

    @Test
    void groupByAnUnlabelledExpressionWithBoundValuesWritesItsGeneratedLabel() {
        Select s = select(size(), func.count()).groupBy(size()).orderBy(size().desc());
        assertThat(postgresql(s).sql())
                .isEqualTo("SELECT CASE WHEN (t.n > ?) THEN ? ELSE ? END AS anon_1, count(*) AS count_1 \nFROM t "
                        + "GROUP BY anon_1 ORDER BY anon_1 DESC");
    }

    @Test
    void aLabelThatNamesAColumnOfTheFromListIsGroupedByPosition() {
        // GROUP BY status would group by the column t.status on both databases, not by the CASE
        ColumnElement<String> status = size().label("status");
        Select s =
                select(t.c("n").gt(0).label("positive"), status, func.count()).groupBy(status);
        assertThat(postgresql(s).sql()).endsWith("GROUP BY 2");
        assertThat(sqlite(s).sql()).endsWith("GROUP BY 2");
        ColumnElement<String> upper = size().label("STATUS");
        assertThat(postgresql(select(upper, func.count()).groupBy(upper)).sql()).endsWith("GROUP BY 1");
    }

    @Test
    void expressionsWithoutBoundValuesAreWrittenAgainAsSqlalchemyWritesThem() {
        ColumnElement<String> lower = func.lower(t.c("status")).label("lower");
        assertThat(postgresql(select(lower, func.count()).groupBy(lower)).sql())
                .isEqualTo("SELECT lower(t.status) AS lower, count(*) AS count_1 \nFROM t GROUP BY lower(t.status)");
        ColumnElement<Number> year = extract("year", t.c("d"));
        assertThat(postgresql(select(year, func.count()).groupBy(year)).sql())
                .isEqualTo("SELECT EXTRACT(year FROM t.d) AS anon_1, count(*) AS count_1 \nFROM t "
                        + "GROUP BY EXTRACT(year FROM t.d)");
    }

    @Test
    void aNestedSelectGroupsByPosition() {
        ColumnElement<String> size = size().label("size");
        Subquery sub = select(size, func.count().label("c")).groupBy(size).subquery("s");
        assertThat(postgresql(select(sub.c("size"))).sql()).contains("GROUP BY 1");
    }
}
