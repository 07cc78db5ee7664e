package dev.alchemy.types;

import static dev.alchemy.Alchemy.count;
import static dev.alchemy.Alchemy.insert;
import static dev.alchemy.Alchemy.select;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.alchemy.engine.Connection;
import dev.alchemy.engine.Engine;
import dev.alchemy.exc.ArgumentError;
import dev.alchemy.schema.Column;
import dev.alchemy.schema.MetaData;
import dev.alchemy.schema.Table;
import dev.alchemy.testing.OnDatabases;
import dev.alchemy.testing.TestDatabase;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;

/**
 * Every type written through the Core and read back in its Java type: null, typical values, unicode, extremes.
 * Each value is also found again by a WHERE comparison, which checks that a bound parameter has the stored form.
 */
@OnDatabases
class TypeRoundTripTest {

    enum Color {
        red,
        green,
        blue
    }

    enum Planet {
        MERCURY {
            @Override
            public String toString() {
                return "closest";
            }
        },
        EARTH,
        JUPITER_AND_ITS_MOONS
    }

    record Money(long cents) {}

    /** A converter an annotation could name: money stored as whole cents. */
    public static final class MoneyConverter implements Converter<Money, Long> {
        @Override
        public SqlType<Long> storedType() {
            return SqlTypes.BIGINT;
        }

        @Override
        public Class<Money> javaType() {
            return Money.class;
        }

        @Override
        public Long toDatabase(Money value) {
            return value.cents();
        }

        @Override
        public Money fromDatabase(Long value) {
            return new Money(value);
        }
    }

    record Point(int x, int y) {}

    static final SqlType<Point> POINT_JSON =
            SqlTypes.json(Point.class, p -> "{\"x\": " + p.x() + ", \"y\": " + p.y() + "}", text -> {
                String[] parts = text.replaceAll("[^0-9,-]", "").split(",");
                return new Point(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]));
            });

    @Parameter
    TestDatabase db;

    final MetaData metadata = new MetaData();
    Table table;

    private Table table() {
        return Table.of(
                "alltypes",
                metadata,
                Column.of("id", SqlTypes.INTEGER).primaryKey(),
                Column.of("c_integer", SqlTypes.INTEGER),
                Column.of("c_bigint", SqlTypes.BIGINT),
                Column.of("c_smallint", SqlTypes.SMALLINT),
                Column.of("c_string", SqlTypes.string(100)),
                Column.of("c_string50", SqlTypes.string(50)),
                Column.of("c_text", SqlTypes.TEXT),
                Column.of("c_boolean", SqlTypes.BOOLEAN),
                Column.of("c_float", SqlTypes.FLOAT),
                Column.of("c_float32", SqlTypes.forJavaType(Float.class)),
                Column.of("c_double", SqlTypes.DOUBLE),
                // MySQL's DECIMAL needs a precision (65 digits at most); SQLite and PostgreSQL take NUMERIC alone
                Column.of("c_numeric", db.isMariadb() ? SqlTypes.numeric(65, 30) : SqlTypes.NUMERIC),
                Column.of("c_numeric_10_2", SqlTypes.numeric(10, 2)),
                Column.of("c_numeric_18", SqlTypes.numeric(18)),
                Column.of("c_numeric_38_9", SqlTypes.numeric(38, 9)),
                Column.of("c_date", SqlTypes.DATE),
                Column.of("c_datetime", SqlTypes.DATETIME),
                Column.of("c_datetime_tz", SqlTypes.DATETIME_TZ),
                Column.of("c_instant", SqlTypes.DATETIME_TZ_INSTANT),
                Column.of("c_time", SqlTypes.TIME),
                Column.of("c_largebinary", SqlTypes.LARGE_BINARY),
                Column.of("c_enum", SqlTypes.enumOf(Color.class)),
                Column.of("c_planet", SqlTypes.enumOf(Planet.class)),
                Column.of("c_json", SqlTypes.JSON),
                Column.of("c_point", POINT_JSON),
                Column.of("c_uuid", SqlTypes.UUID),
                Column.of("c_money", SqlTypes.converted(new MoneyConverter())),
                Column.of("c_path", SqlTypes.converted(SqlTypes.string(200), Path.class, Path::toString, Path::of)));
    }

    Engine engine;

    @BeforeEach
    void createTable() {
        engine = db.createEngine();
        table = table();
        metadata.createAll(engine);
    }

    @AfterEach
    void dropEverything() {
        db.reset();
    }

    /** Inserts a row holding the value in one column, reads it back, and finds the row again by the value. */
    private @Nullable Object roundTrip(String column, @Nullable Object value) {
        Map<String, @Nullable Object> row = new HashMap<>();
        row.put(column, value);
        try (Connection conn = engine.connect()) {
            Object id = conn.execute(insert(table).values(row).returning(table.c("id")))
                    .one()
                    .get("id");
            conn.commit();
            Object back = conn.execute(
                            select(table.c(column)).where(table.c("id").eq(id)))
                    .one()
                    .get(0);
            if (value != null) {
                assertThat(conn.execute(select(count())
                                        .selectFrom(table)
                                        .where(table.c("id")
                                                .eq(id)
                                                .and(table.c(column).eq(value))))
                                .scalar(Long.class))
                        .as("the row is found by comparing %s with the bound value %s", column, value)
                        .isEqualTo(1L);
            }
            return back;
        }
    }

    private void assertRoundTrips(String column, @Nullable Object... values) {
        assertThat(roundTrip(column, null)).as("null in %s", column).isNull();
        for (Object value : values) {
            Object back = roundTrip(column, value);
            assertThat(back).as("%s in %s", value, column).isEqualTo(value);
            if (back != null) {
                assertThat(back.getClass()).isEqualTo(value.getClass());
            }
        }
    }

    @Test
    void integersKeepTheirExtremes() {
        assertRoundTrips("c_integer", 0, 42, -1, Integer.MIN_VALUE, Integer.MAX_VALUE);
        assertRoundTrips("c_bigint", 0L, Long.MIN_VALUE, Long.MAX_VALUE, 9223372036854775807L);
        assertRoundTrips("c_smallint", (short) 7, Short.MIN_VALUE, Short.MAX_VALUE);
    }

    @Test
    void anIntegerOutOfRangeIsRefusedBeforeReachingTheDatabase() {
        assertThatThrownBy(() -> roundTrip("c_smallint", 40_000))
                .isInstanceOf(ArgumentError.class)
                .hasMessageContaining("40000")
                .hasMessageContaining("SMALLINT");
        assertThatThrownBy(() -> roundTrip("c_integer", "42"))
                .isInstanceOf(ArgumentError.class)
                .hasMessageContaining("String '42'")
                .hasMessageContaining("INTEGER");
    }

    @Test
    void comparedValuesOfAnotherKindBindAsThemselvesAsInSqlalchemy() {
        roundTrip("c_integer", 3);
        roundTrip("c_enum", Color.green);
        try (Connection conn = engine.connect()) {
            // a fractional number against an INTEGER column (SQLAlchemy's coerce_compared_value)
            assertThat(conn.execute(select(count())
                                    .selectFrom(table)
                                    .where(table.c("c_integer").lt(3.5)))
                            .scalar(Long.class))
                    .isGreaterThanOrEqualTo(1L);
            // a LIKE pattern against an enum column (SQLAlchemy's Enum passes unknown strings through)
            assertThat(conn.execute(select(count())
                                    .selectFrom(table)
                                    .where(table.c("c_enum").like("gr%")))
                            .scalar(Long.class))
                    .isGreaterThanOrEqualTo(1L);
        }
    }

    @Test
    void stringsKeepUnicodeAndHostileText() {
        assertRoundTrips(
                "c_string",
                "",
                "héllo ✓",
                "日本語のテキスト",
                "emoji 😀 outside the BMP",
                "line1\nline2\ttab",
                "it's \"quoted\"; DROP TABLE alltypes; --");
        assertRoundTrips("c_string50", "x".repeat(50));
        assertRoundTrips("c_text", "line1\nline2", "ü".repeat(100_000));
    }

    @Test
    void booleans() {
        assertRoundTrips("c_boolean", true, false);
    }

    @Test
    void floatsAndDoubles() {
        assertRoundTrips("c_float", 3.14, -0.5, 0.0, Double.MAX_VALUE, Double.MIN_VALUE, -1e-300, 1.0 / 3);
        assertRoundTrips("c_float32", 1.5f, Float.MAX_VALUE, -Float.MIN_VALUE);
        assertRoundTrips("c_double", 2.718281828459045, -Double.MAX_VALUE);
    }

    @Test
    void numericKeepsTheDeclaredScale() {
        assertRoundTrips(
                "c_numeric_10_2",
                new BigDecimal("0.10"),
                new BigDecimal("12.34"),
                new BigDecimal("-12.34"),
                new BigDecimal("99999999.99"));
        // 5 comes back as 5.00, as SQLAlchemy's Decimal('5.00')
        assertThat(roundTrip("c_numeric_10_2", new BigDecimal("5"))).isEqualTo(new BigDecimal("5.00"));
        // whole numbers of up to 18 digits are exact even on SQLite (stored as INTEGER)
        assertRoundTrips("c_numeric_18", new BigDecimal("123456789012345678"), new BigDecimal("-999999999999999999"));
    }

    @Test
    void numericWithManyDigitsIsExactOnlyWhereTheDatabaseHasDecimals() {
        BigDecimal big = new BigDecimal("12345678901234567890.123456789");
        Object back = roundTrip("c_numeric_38_9", big);
        if (db.isPostgresql()) {
            assertThat(back).isEqualTo(big);
            assertThat(roundTrip("c_numeric", new BigDecimal("0.10"))).isEqualTo(new BigDecimal("0.10"));
            return;
        }
        if (db.isMariadb()) {
            // DECIMAL is exact; c_numeric is DECIMAL(65, 30) there (MySQL's needs a precision), so 30 places come back
            assertThat(back).isEqualTo(big);
            assertThat(roundTrip("c_numeric", new BigDecimal("0.10"))).isEqualTo(new BigDecimal("0.10").setScale(30));
            return;
        }
        // SQLite (as with SQLAlchemy): an 8-byte float, then the declared scale applied to the float's exact binary
        // value, as SQLAlchemy's "%.9f" applies it (12345678901234567168.000000000); documented in docs/schema.md
        assertThat(back).isEqualTo(new BigDecimal(big.doubleValue()).setScale(9));
        assertThat((BigDecimal) back).isCloseTo(big, org.assertj.core.data.Percentage.withPercentage(1e-12));
        // without a declared scale, SQLite keeps no trailing zeros
        assertThat(roundTrip("c_numeric", new BigDecimal("0.10"))).isEqualTo(new BigDecimal("0.1"));
    }

    @Test
    void datesFromYearOneToYear9999() {
        assertRoundTrips("c_date", LocalDate.of(1, 1, 1), LocalDate.of(2024, 2, 29), LocalDate.of(9999, 12, 31));
    }

    @Test
    void dateTimesKeepMicrosecondsAndTruncateNanoseconds() {
        assertRoundTrips(
                "c_datetime",
                LocalDateTime.of(1, 1, 1, 0, 0),
                LocalDateTime.of(2024, 1, 2, 3, 4, 5, 123_456_000),
                LocalDateTime.of(2024, 1, 2, 3, 4, 5),
                LocalDateTime.of(9999, 12, 31, 23, 59, 59, 999_999_000));
        assertThat(roundTrip("c_datetime", LocalDateTime.of(2024, 1, 2, 3, 4, 5, 123_456_789)))
                .isEqualTo(LocalDateTime.of(2024, 1, 2, 3, 4, 5, 123_456_000));
    }

    @Test
    void timeZoneAwareDateTimesComeBackAsTheSameInstantInUtc() {
        OffsetDateTime plusTwo = OffsetDateTime.of(2024, 1, 2, 3, 4, 5, 123_456_000, ZoneOffset.ofHours(2));
        Object back = roundTrip("c_datetime_tz", plusTwo);
        assertThat(back).isEqualTo(plusTwo.withOffsetSameInstant(ZoneOffset.UTC));
        assertRoundTrips(
                "c_datetime_tz",
                OffsetDateTime.of(2024, 6, 1, 12, 0, 0, 0, ZoneOffset.UTC),
                OffsetDateTime.of(1, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC),
                OffsetDateTime.of(9999, 12, 31, 23, 59, 59, 999_999_000, ZoneOffset.UTC));
        // an Instant binds to the OffsetDateTime type too
        Instant instant = Instant.parse("2024-03-04T05:06:07.000008Z");
        assertThat(roundTrip("c_datetime_tz", instant)).isEqualTo(instant.atOffset(ZoneOffset.UTC));
        assertRoundTrips("c_instant", instant, Instant.parse("1970-01-01T00:00:00Z"));
        assertThat(roundTrip("c_instant", Instant.parse("2024-03-04T05:06:07.123456789Z")))
                .isEqualTo(Instant.parse("2024-03-04T05:06:07.123456Z"));
    }

    @Test
    void times() {
        assertRoundTrips(
                "c_time", LocalTime.MIDNIGHT, LocalTime.of(13, 14, 15, 678_000), LocalTime.of(23, 59, 59, 999_999_000));
        assertThat(roundTrip("c_time", LocalTime.of(1, 2, 3, 4_005_006))).isEqualTo(LocalTime.of(1, 2, 3, 4_005_000));
    }

    @Test
    void binaryFromEmptyToOneMegabyte() {
        byte[] megabyte = new byte[1 << 20];
        new Random(42).nextBytes(megabyte);
        assertRoundTrips("c_largebinary", new byte[0], new byte[] {0, 1, (byte) 0xff, 'a', 'b', 'c'}, megabyte);
    }

    @Test
    void everyEnumConstant() {
        assertRoundTrips("c_enum", (Object[]) Color.values());
        for (Planet planet : Planet.values()) {
            Object back = roundTrip("c_planet", planet);
            assertThat(back).isSameAs(planet);
        }
    }

    @Test
    void jsonTextAndJsonThroughACodec() {
        assertRoundTrips("c_json", "{\"a\": 1, \"b\": [1, 2, null]}", "{\"name\": \"héllo ✓\"}", "null", "[]");
        assertRoundTrips("c_point", new Point(3, -4));
    }

    @Test
    void uuids() {
        assertRoundTrips(
                "c_uuid",
                UUID.randomUUID(),
                new UUID(0, 1),
                new UUID(-1, -1),
                UUID.fromString("12345678-1234-5678-1234-567812345678"));
    }

    @Test
    void convertedTypesStoreAsTheirStoredType() {
        assertRoundTrips("c_money", new Money(12_345), new Money(-1));
        assertRoundTrips("c_path", Path.of("a", "b.txt"));
        assertThatThrownBy(() -> roundTrip("c_money", 5L))
                .isInstanceOf(ArgumentError.class)
                .hasMessageContaining("Money");
    }

    @Test
    void postgresqlColumnsHaveNativeTypes() {
        org.junit.jupiter.api.Assumptions.assumeTrue(db.isPostgresql(), "PostgreSQL's catalog");
        try (Connection conn = engine.connect()) {
            Map<Object, Object> types = new HashMap<>();
            for (var row : conn.execute(dev.alchemy.Alchemy.text(
                    "SELECT column_name, data_type FROM information_schema.columns WHERE table_name = 'alltypes'"))) {
                types.put(row.get(0), row.get(1));
            }
            assertThat(types)
                    .containsEntry("c_smallint", "smallint")
                    .containsEntry("c_boolean", "boolean")
                    .containsEntry("c_float", "double precision")
                    .containsEntry("c_double", "double precision")
                    .containsEntry("c_numeric_38_9", "numeric")
                    .containsEntry("c_datetime", "timestamp without time zone")
                    .containsEntry("c_datetime_tz", "timestamp with time zone")
                    .containsEntry("c_time", "time without time zone")
                    .containsEntry("c_largebinary", "bytea")
                    .containsEntry("c_enum", "character varying")
                    .containsEntry("c_json", "jsonb")
                    .containsEntry("c_uuid", "uuid")
                    .containsEntry("c_money", "bigint");
        }
    }

    @Test
    void typedReadsAreResolvedOncePerType() {
        var dialect = dev.alchemy.dialect.Dialect.of(engine);
        assertThat(dialect.binder(SqlTypes.numeric(10, 2))).isSameAs(dialect.binder(SqlTypes.numeric(10, 2)));
        assertThat(dialect.reader(SqlTypes.enumOf(Color.class))).isSameAs(dialect.reader(SqlTypes.enumOf(Color.class)));
        assertThat(Arrays.asList(dialect.reader(SqlTypes.DATETIME), dialect.reader(SqlTypes.DATETIME)))
                .allMatch(r -> r == dialect.reader(SqlTypes.DATETIME));
    }
}
