package dev.alchemy.types;

import static dev.alchemy.Alchemy.insert;
import static dev.alchemy.Alchemy.select;
import static dev.alchemy.Alchemy.text;
import static org.assertj.core.api.Assertions.assertThat;

import dev.alchemy.Alchemy;
import dev.alchemy.dialect.Dialect;
import dev.alchemy.engine.Connection;
import dev.alchemy.engine.Engine;
import dev.alchemy.engine.Row;
import dev.alchemy.schema.Column;
import dev.alchemy.schema.DDL;
import dev.alchemy.schema.MetaData;
import dev.alchemy.schema.Table;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What each type leaves in the SQLite file, read raw with {@code typeof()}: the values of SQLAlchemy's storage
 * script (reference §3.1/§3.2), so that a file reads the same in SQLAlchemy. Where Alchemy differs on purpose (a
 * time-zone-aware value is stored as UTC wall time), the test says so.
 */
class SqliteStorageFormatTest {

    enum Color {
        red,
        green,
        blue
    }

    @TempDir
    Path dir;

    Engine engine;
    Table table;

    @BeforeEach
    void setUp() {
        engine = Alchemy.createEngine("sqlite:///" + dir.resolve("storage.db"));
        MetaData metadata = new MetaData();
        // the columns of SQLAlchemy's `alltypes` table (reference §1.4), same names and order
        table = Table.of(
                "alltypes",
                metadata,
                Column.of("id", SqlTypes.INTEGER).primaryKey(),
                Column.of("c_integer", SqlTypes.INTEGER),
                Column.of("c_bigint", SqlTypes.BIGINT),
                Column.of("c_smallint", SqlTypes.SMALLINT),
                Column.of("c_string50", SqlTypes.string(50)),
                Column.of("c_string", SqlTypes.VARCHAR),
                Column.of("c_text", SqlTypes.TEXT),
                Column.of("c_boolean", SqlTypes.BOOLEAN),
                Column.of("c_float", SqlTypes.FLOAT),
                Column.of("c_numeric", SqlTypes.numeric(10, 2)),
                Column.of("c_date", SqlTypes.DATE),
                Column.of("c_datetime", SqlTypes.DATETIME),
                Column.of("c_datetime_tz", SqlTypes.DATETIME_TZ),
                Column.of("c_time", SqlTypes.TIME),
                Column.of("c_largebinary", SqlTypes.LARGE_BINARY),
                Column.of("c_enum", SqlTypes.enumOf(Color.class)),
                Column.of("c_json", SqlTypes.JSON));
        metadata.createAll(engine);
    }

    @AfterEach
    void tearDown() {
        engine.dispose();
    }

    @Test
    void ddlOfEveryTypeReadsAsSqlalchemys() {
        // reference §1.4, `all types CreateTable` on SQLite (without the leading "\n" and trailing "\n\n")
        assertThat(DDL.createTableSql(table, Dialect.of(engine)))
                .isEqualTo(
                        "CREATE TABLE alltypes (\n\tid INTEGER NOT NULL, \n\tc_integer INTEGER, \n\tc_bigint BIGINT, "
                                + "\n\tc_smallint SMALLINT, \n\tc_string50 VARCHAR(50), \n\tc_string VARCHAR, \n\tc_text TEXT, "
                                + "\n\tc_boolean BOOLEAN, \n\tc_float FLOAT, \n\tc_numeric NUMERIC(10, 2), \n\tc_date DATE, "
                                + "\n\tc_datetime DATETIME, \n\tc_datetime_tz DATETIME, \n\tc_time TIME, \n\tc_largebinary BLOB, "
                                + "\n\tc_enum VARCHAR(5), \n\tc_json JSON, \n\tPRIMARY KEY (id)\n)");
    }

    @Test
    void valuesAreStoredAsSqlalchemyStoresThem() {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("c_integer", 42);
        row.put("c_bigint", 9223372036854775807L);
        row.put("c_smallint", (short) 7);
        row.put("c_string50", "héllo");
        row.put("c_text", "line1\nline2");
        row.put("c_boolean", true);
        row.put("c_float", 3.14);
        row.put("c_numeric", new BigDecimal("12.34"));
        row.put("c_date", LocalDate.of(2024, 1, 2));
        row.put("c_datetime", LocalDateTime.of(2024, 1, 2, 3, 4, 5, 123_456_000));
        row.put("c_datetime_tz", OffsetDateTime.of(2024, 1, 2, 3, 4, 5, 0, ZoneOffset.UTC));
        row.put("c_time", LocalTime.of(13, 14, 15, 678_000));
        row.put("c_largebinary", new byte[] {0, 1, (byte) 0xff, 'a', 'b', 'c'});
        row.put("c_enum", Color.green);
        row.put("c_json", "{\"a\": 1, \"b\": [1, 2, null], \"c\": \"x\", \"d\": true, \"e\": 1.5}");
        try (Connection conn = engine.connect()) {
            conn.execute(insert(table).values(row));
            conn.commit();
        }

        assertRaw("c_integer", "integer", 42);
        assertRaw("c_bigint", "integer", 9223372036854775807L);
        assertRaw("c_smallint", "integer", 7);
        assertRaw("c_string50", "text", "héllo");
        assertRaw("c_text", "text", "line1\nline2");
        assertRaw("c_boolean", "integer", 1);
        assertRaw("c_float", "real", 3.14);
        assertRaw("c_numeric", "real", 12.34);
        assertRaw("c_date", "text", "2024-01-02");
        assertRaw("c_datetime", "text", "2024-01-02 03:04:05.123456");
        assertRaw("c_datetime_tz", "text", "2024-01-02 03:04:05.000000");
        assertRaw("c_time", "text", "13:14:15.000678");
        assertRaw("c_largebinary", "blob", new byte[] {0, 1, (byte) 0xff, 'a', 'b', 'c'});
        assertRaw("c_enum", "text", "green");
        assertRaw("c_json", "text", "{\"a\": 1, \"b\": [1, 2, null], \"c\": \"x\", \"d\": true, \"e\": 1.5}");
    }

    @Test
    void edgeFormsMatchSqlalchemysToo() {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("c_boolean", false);
        row.put("c_numeric", new BigDecimal("5")); // SQLAlchemy: INTEGER 5 by NUMERIC affinity
        row.put("c_datetime", LocalDateTime.of(2024, 1, 2, 3, 4, 5)); // always six fractional digits
        // SQLAlchemy stores the wall time 03:04:05 and drops the offset; Alchemy stores the UTC time
        row.put("c_datetime_tz", OffsetDateTime.of(2024, 1, 2, 3, 4, 5, 123_456_000, ZoneOffset.ofHours(2)));
        row.put("c_time", LocalTime.of(1, 2, 3));
        row.put("c_date", LocalDate.of(1, 1, 1));
        try (Connection conn = engine.connect()) {
            conn.execute(insert(table).values(row));
            conn.commit();
        }
        assertRaw("c_boolean", "integer", 0);
        assertRaw("c_numeric", "integer", 5);
        assertRaw("c_datetime", "text", "2024-01-02 03:04:05.000000");
        assertRaw("c_datetime_tz", "text", "2024-01-02 01:04:05.123456");
        assertRaw("c_time", "text", "01:02:03.000000");
        assertRaw("c_date", "text", "0001-01-01");
    }

    @Test
    void uuidsAreThirtyTwoHexDigitsInCharThirtyTwo() {
        // SQLAlchemy 2.0's Uuid (1.4 has none): CHAR(32), lower-case hex without dashes (reference §1.8)
        MetaData metadata = new MetaData();
        Table u = Table.of("u", metadata, Column.of("id", SqlTypes.UUID).primaryKey());
        metadata.createAll(engine);
        assertThat(DDL.createTableSql(u, Dialect.of(engine)))
                .isEqualTo("CREATE TABLE u (\n\tid CHAR(32) NOT NULL, \n\tPRIMARY KEY (id)\n)");
        try (Connection conn = engine.connect()) {
            conn.execute(insert(u).values(Map.of("id", UUID.fromString("12345678-1234-5678-1234-567812345678"))));
            conn.commit();
            Row raw = conn.execute(text("SELECT id, typeof(id) FROM u")).one();
            assertThat(raw.get(0)).isEqualTo("12345678123456781234567812345678");
            assertThat(raw.get(1)).isEqualTo("text");
        }
    }

    @Test
    void nullIsSqlNull() {
        try (Connection conn = engine.connect()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("c_json", null);
            row.put("c_datetime", null);
            conn.execute(insert(table).values(row));
            conn.commit();
        }
        assertRaw("c_json", "null", null);
        assertRaw("c_datetime", "null", null);
    }

    @Test
    void readingAcceptsFormsOtherWritersLeave() {
        MetaData metadata = new MetaData();
        Table other = Table.of(
                "other",
                metadata,
                Column.of("id", SqlTypes.INTEGER).primaryKey(),
                Column.of("ts", SqlTypes.DATETIME),
                Column.of("ts_tz", SqlTypes.DATETIME_TZ),
                Column.of("d", SqlTypes.DATE),
                Column.of("t", SqlTypes.TIME),
                Column.of("u", SqlTypes.UUID));
        metadata.createAll(engine);
        try (Connection conn = engine.connect()) {
            conn.execute(text("""
                    INSERT INTO other (id, ts, ts_tz, d, t, u) VALUES
                        (1, '2024-01-02T03:04:05', '2024-01-02 03:04:05+02:00', '2024-01-02 00:00:00', '13:14',
                         '12345678-1234-5678-1234-567812345678'),
                        (2, 1704164645000, 1704164645000, '2024-01-02', '13:14:15.5', '12345678123456781234567812345678')
                    """));
            conn.commit();
            var rows = conn.execute(select(other).orderBy(other.c("id"))).all();
            assertThat(rows.get(0).asMap())
                    .containsEntry("ts", LocalDateTime.of(2024, 1, 2, 3, 4, 5))
                    .containsEntry("ts_tz", OffsetDateTime.of(2024, 1, 2, 1, 4, 5, 0, ZoneOffset.UTC))
                    .containsEntry("d", LocalDate.of(2024, 1, 2))
                    .containsEntry("t", LocalTime.of(13, 14))
                    .containsEntry("u", UUID.fromString("12345678-1234-5678-1234-567812345678"));
            // sqlite-jdbc's setTimestamp leaves epoch milliseconds: read as UTC
            assertThat(rows.get(1).asMap())
                    .containsEntry("ts", LocalDateTime.of(2024, 1, 2, 3, 4, 5))
                    .containsEntry("ts_tz", OffsetDateTime.of(2024, 1, 2, 3, 4, 5, 0, ZoneOffset.UTC))
                    .containsEntry("t", LocalTime.of(13, 14, 15, 500_000_000))
                    .containsEntry("u", UUID.fromString("12345678-1234-5678-1234-567812345678"));
        }
    }

    private void assertRaw(String column, String typeof, Object value) {
        try (Connection conn = engine.connect()) {
            Row raw = conn.execute(text("SELECT " + column + ", typeof(" + column + ") FROM alltypes"))
                    .one();
            assertThat(raw.get(1)).as("typeof(%s)", column).isEqualTo(typeof);
            if (value instanceof Number n && raw.get(0) instanceof Number stored) {
                assertThat(n instanceof Double ? (Object) stored.doubleValue() : (Object) stored.longValue())
                        .as(column)
                        .isEqualTo(n instanceof Double ? n : (Object) n.longValue());
            } else {
                assertThat(raw.get(0)).as(column).isEqualTo(value);
            }
        }
    }
}
