package dev.alchemy.reliability;

import static dev.alchemy.Alchemy.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ch.qos.logback.classic.Level;
import dev.alchemy.engine.Connection;
import dev.alchemy.engine.Engine;
import dev.alchemy.engine.EngineOptions;
import dev.alchemy.exc.DBAPIError;
import dev.alchemy.testing.LogCapture;
import dev.alchemy.testing.OnDatabases;
import dev.alchemy.testing.TestDatabase;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;

/**
 * An error message stays readable whatever the statement: the SQL and the parameters in it are each cut at about
 * 2,000 characters, saying how much was left out (characters of SQL, number of values); a long text value at 300; a {@code byte[]} shows as its length; an
 * executemany shows its first 10 parameter sets and how many there were; NaN and the infinities are named. The
 * exception still carries the whole SQL and every parameter ({@code sql()}, {@code parameters()}).
 */
@OnDatabases
class ErrorMessagesStayReadableTest {

    @Parameter
    TestDatabase db;

    Engine engine;

    @BeforeEach
    void open() {
        engine = db.createEngine();
    }

    @AfterEach
    void clean() {
        db.reset();
    }

    private DBAPIError failure(String sql, Map<String, ?> parameters) {
        try (Connection conn = engine.connect()) {
            return catchThrowableOfType(DBAPIError.class, () -> conn.execute(text(sql), parameters));
        }
    }

    @Test
    void aLongStatementIsCutAt2000CharactersSayingHowMuchWasCut() {
        StringBuilder sql = new StringBuilder("SELECT * FROM no_such_table WHERE name IN ('first'");
        for (int i = 0; i < 2000; i++) {
            sql.append(", 'name number ").append(i).append('\'');
        }
        sql.append(')');
        DBAPIError e = failure(sql.toString(), Map.of());
        int cut = sql.length() - 2000;
        assertThat(e.getMessage())
                .contains("SELECT * FROM no_such_table WHERE name IN ('first'")
                .contains("(" + cut + " characters cut)")
                .doesNotContain("name number 1999");
        assertThat(e.getMessage().length()).isLessThan(2500);
        assertThat(e.sql()).isEqualTo(sql.toString());
    }

    @Test
    void longTextIsCutBytesShowTheirLengthAndNanIsNamed() {
        String longText = "x".repeat(100_000);
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("a", longText);
        parameters.put("b", new byte[1_000_000]);
        parameters.put("c", Double.NaN);
        parameters.put("d", Float.NEGATIVE_INFINITY);
        parameters.put("e", null);
        String sql = "SELECT * FROM no_such_table WHERE a = :a AND b = :b AND c = :c AND d = :d AND e = :e";
        String nonFinite = "NaN, -Infinity";
        if (db.isMariadb()) {
            // MySQL has no NaN or Infinity: refused before anything is sent, naming the parameter
            try (Connection conn = engine.connect()) {
                assertThatThrownBy(() -> conn.execute(text(sql), parameters))
                        .isInstanceOf(dev.alchemy.exc.ArgumentError.class)
                        .hasMessageContainingAll("'c'", "NaN");
            }
            parameters.put("c", 1.5);
            parameters.put("d", 2.5f);
            nonFinite = "1.5, 2.5";
        }
        DBAPIError e = failure(sql, parameters);
        assertThat(e.getMessage())
                .contains("[parameters: [" + "x".repeat(300) + "... (99700 characters cut), <1000000 bytes>, "
                        + nonFinite + ", null]]")
                .doesNotContain("[B@");
        assertThat(e.getMessage().length()).isLessThan(1000);
        assertThat(e.parameters()).hasSize(5).first().isEqualTo(longText);
    }

    @Test
    void manyParametersAreCutAt2000Characters() {
        Map<String, Object> parameters = new HashMap<>();
        StringBuilder sql = new StringBuilder("SELECT * FROM no_such_table WHERE n IN (:p0");
        parameters.put("p0", 1000000);
        for (int i = 1; i < 1000; i++) {
            sql.append(", :p").append(i);
            parameters.put("p" + i, 1000000 + i);
        }
        sql.append(')');
        DBAPIError e = failure(sql.toString(), parameters);
        String params = e.getMessage().substring(e.getMessage().indexOf("[parameters: "));
        assertThat(params).startsWith("[parameters: [1000000, 1000001, ").contains(" more values)]]");
        assertThat(params.length()).isLessThan(2100);
        assertThat(e.parameters()).hasSize(1000);
    }

    @Test
    void anExecutemanyShowsItsFirstTenParameterSetsAndHowManyThereWere() {
        List<Map<String, Object>> sets = new ArrayList<>();
        for (int i = 0; i < 5000; i++) {
            sets.add(Map.of("n", i, "name", "row " + i));
        }
        DBAPIError e;
        try (Connection conn = engine.connect()) {
            e = catchThrowableOfType(
                    DBAPIError.class,
                    () -> conn.execute(text("INSERT INTO no_such_table (n, name) VALUES (:n, :name)"), sets));
        }
        assertThat(e.getMessage())
                .contains("[parameters: [[0, row 0], [1, row 1], ")
                .contains("[9, row 9] ... (4990 more parameter sets)]]")
                .doesNotContain("row 10]");
        assertThat(e.getMessage().length()).isLessThan(1000);
        assertThat(e.parameters()).hasSize(5000);
    }

    @Test
    void theEchoLogCapsTheSqlAndParametersTheSameWay() {
        StringBuilder sql = new StringBuilder("SELECT 1 AS x WHERE 1 IN (1");
        for (int i = 0; i < 1000; i++) {
            sql.append(", ").append(100000 + i);
        }
        // MySQL and MariaDB cast to CHAR; they have no CAST(... AS TEXT)
        sql.append(") AND :blob IS NOT NULL AND CAST(:long_text AS ")
                .append(db.isMariadb() ? "CHAR" : "TEXT")
                .append(") IS NOT NULL");
        List<Map<String, Object>> sets = new ArrayList<>();
        for (int i = 0; i < 5000; i++) {
            sets.add(Map.of("n", i));
        }
        try (LogCapture log = LogCapture.of("dev.alchemy.engine", Level.INFO)) {
            Engine echo = db.createEngine(EngineOptions.defaults().echo(true));
            try (Connection conn = echo.connect()) {
                conn.execute(text(sql.toString()), Map.of("blob", new byte[1_000_000], "long_text", "y".repeat(5000)));
                conn.execute(text("CREATE TABLE echoed (n INTEGER)"));
                conn.execute(text("INSERT INTO echoed (n) VALUES (:n)"), sets);
                conn.rollback();
            }
            List<String> messages = log.messages(Level.INFO);
            assertThat(messages).allSatisfy(m -> assertThat(m.length()).isLessThan(2100));
            String select = messages.stream()
                    .filter(m -> m.startsWith("SELECT 1"))
                    .findFirst()
                    .orElseThrow();
            assertThat(select).endsWith(" characters cut)");
            String parameters = messages.stream()
                    .filter(m -> m.startsWith("[parameters] "))
                    .findFirst()
                    .orElseThrow();
            assertThat(parameters).contains("<1000000 bytes>").contains("... (").doesNotContain("[B@");
            assertThat(messages)
                    .anySatisfy(m -> assertThat(m)
                            .startsWith("[executemany: 5000 parameter sets] [[0], [1], ")
                            .endsWith("[9] ... (4990 more parameter sets)]"));
        }
    }
}
