package dev.alchemy.types;

import static dev.alchemy.Alchemy.insert;
import static dev.alchemy.Alchemy.select;
import static org.assertj.core.api.Assertions.assertThat;

import dev.alchemy.Alchemy;
import dev.alchemy.engine.Connection;
import dev.alchemy.engine.Engine;
import dev.alchemy.engine.Row;
import dev.alchemy.schema.Column;
import dev.alchemy.schema.MetaData;
import dev.alchemy.schema.Table;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One SQLite file, two languages: a row written by Alchemy is read by SQLAlchemy 1.4 (Debian's
 * {@code python3-sqlalchemy}) and the other way round. Skipped where {@code /usr/bin/python3} cannot import
 * sqlalchemy (CI need not have it).
 */
class SqlalchemyInteropTest {

    private static final Path PYTHON = Path.of("/usr/bin/python3");

    /** The table both sides define; SQLAlchemy 1.4 has no Uuid, so its side declares the column String(32). */
    private static final String PYTHON_TABLE = """
            import sys, enum, datetime, decimal, json
            import sqlalchemy as sa
            class Color(enum.Enum):
                red = 1
                green = 2
                blue = 3
            md = sa.MetaData()
            t = sa.Table("alltypes", md,
                sa.Column("id", sa.Integer, primary_key=True),
                sa.Column("c_integer", sa.Integer),
                sa.Column("c_bigint", sa.BigInteger),
                sa.Column("c_smallint", sa.SmallInteger),
                sa.Column("c_string50", sa.String(50)),
                sa.Column("c_text", sa.Text),
                sa.Column("c_boolean", sa.Boolean),
                sa.Column("c_float", sa.Float),
                sa.Column("c_numeric", sa.Numeric(10, 2)),
                sa.Column("c_date", sa.Date),
                sa.Column("c_datetime", sa.DateTime),
                sa.Column("c_datetime_tz", sa.DateTime(timezone=True)),
                sa.Column("c_time", sa.Time),
                sa.Column("c_largebinary", sa.LargeBinary),
                sa.Column("c_enum", sa.Enum(Color)),
                sa.Column("c_json", sa.JSON),
                sa.Column("c_uuid", sa.String(32)),
            )
            engine = sa.create_engine("sqlite:///" + sys.argv[1])
            """;

    enum Color {
        red,
        green,
        blue
    }

    @TempDir
    Path dir;

    @BeforeAll
    static void needsSqlalchemy() {
        Assumptions.assumeTrue(Files.isExecutable(PYTHON), "no " + PYTHON);
        Assumptions.assumeTrue(
                run("import sqlalchemy", Path.of(".")).exitCode == 0, "python3 cannot import sqlalchemy");
    }

    private static Table table(MetaData metadata) {
        return Table.of(
                "alltypes",
                metadata,
                Column.of("id", SqlTypes.INTEGER).primaryKey(),
                Column.of("c_integer", SqlTypes.INTEGER),
                Column.of("c_bigint", SqlTypes.BIGINT),
                Column.of("c_smallint", SqlTypes.SMALLINT),
                Column.of("c_string50", SqlTypes.string(50)),
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
                Column.of("c_json", SqlTypes.JSON),
                Column.of("c_uuid", SqlTypes.UUID));
    }

    @Test
    void sqlalchemyReadsWhatAlchemyWrote() {
        Path file = dir.resolve("from-java.db");
        Engine engine = Alchemy.createEngine("sqlite:///" + file);
        try {
            MetaData metadata = new MetaData();
            Table table = table(metadata);
            metadata.createAll(engine);
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("c_integer", 42);
            row.put("c_bigint", Long.MIN_VALUE);
            row.put("c_smallint", (short) -7);
            row.put("c_string50", "héllo ✓");
            row.put("c_text", "line1\nline2");
            row.put("c_boolean", true);
            row.put("c_float", 3.14);
            row.put("c_numeric", new BigDecimal("12.34"));
            row.put("c_date", LocalDate.of(1, 1, 1));
            row.put("c_datetime", LocalDateTime.of(2024, 1, 2, 3, 4, 5, 123_456_789));
            row.put("c_datetime_tz", OffsetDateTime.of(2024, 1, 2, 3, 4, 5, 0, ZoneOffset.ofHours(2)));
            row.put("c_time", LocalTime.of(13, 14, 15, 678_000));
            row.put("c_largebinary", new byte[] {0, 1, (byte) 0xff, 'a', 'b', 'c'});
            row.put("c_enum", Color.green);
            row.put("c_json", "{\"a\": 1, \"b\": [1, 2, null]}");
            row.put("c_uuid", UUID.fromString("12345678-1234-5678-1234-567812345678"));
            try (Connection conn = engine.connect()) {
                conn.execute(insert(table).values(row));
                conn.commit();
            }
        } finally {
            engine.dispose();
        }

        Result python = run(PYTHON_TABLE + """
                with engine.connect() as conn:
                    r = conn.execute(sa.select(t)).mappings().one()
                for k, v in r.items():
                    print(k + "=" + repr(v))
                """, file);
        assertThat(python.exitCode).as(python.stderr).isZero();
        assertThat(python.stdout.lines().toList())
                .containsExactly(
                        "id=1",
                        "c_integer=42",
                        "c_bigint=-9223372036854775808",
                        "c_smallint=-7",
                        "c_string50='héllo ✓'",
                        "c_text='line1\\nline2'",
                        "c_boolean=True",
                        "c_float=3.14",
                        "c_numeric=Decimal('12.34')",
                        "c_date=datetime.date(1, 1, 1)",
                        "c_datetime=datetime.datetime(2024, 1, 2, 3, 4, 5, 123456)",
                        // stored in UTC; SQLAlchemy's SQLite DateTime(timezone=True) reads it back naive
                        "c_datetime_tz=datetime.datetime(2024, 1, 2, 1, 4, 5)",
                        "c_time=datetime.time(13, 14, 15, 678)",
                        "c_largebinary=b'\\x00\\x01\\xffabc'",
                        "c_enum=<Color.green: 2>",
                        "c_json={'a': 1, 'b': [1, 2, None]}",
                        "c_uuid='12345678123456781234567812345678'");
    }

    @Test
    void alchemyReadsWhatSqlalchemyWrote() {
        Path file = dir.resolve("from-python.db");
        Result python = run(PYTHON_TABLE + """
                md.create_all(engine)
                with engine.begin() as conn:
                    conn.execute(t.insert().values(
                        c_integer=-2147483648, c_bigint=9223372036854775807, c_smallint=32767,
                        c_string50="日本語 ✓", c_text="a\\nb", c_boolean=False, c_float=-0.5,
                        c_numeric=decimal.Decimal("5"), c_date=datetime.date(9999, 12, 31),
                        c_datetime=datetime.datetime(2024, 1, 2, 3, 4, 5),
                        c_datetime_tz=datetime.datetime(2024, 1, 2, 3, 4, 5, 6,
                                                        tzinfo=datetime.timezone(datetime.timedelta(hours=2))),
                        c_time=datetime.time(1, 2, 3, 4), c_largebinary=b"",
                        c_enum=Color.blue, c_json={"name": "h\\u00e9llo"}, c_uuid="0123456789abcdef0123456789abcdef"))
                    conn.execute(t.insert().values(c_json=None))
                """, file);
        assertThat(python.exitCode).as(python.stderr).isZero();

        Engine engine = Alchemy.createEngine("sqlite:///" + file);
        try (Connection conn = engine.connect()) {
            Table table = table(new MetaData());
            List<Row> rows = conn.execute(select(table).orderBy(table.c("id"))).all();
            Row r = rows.get(0);
            assertThat(r.get("c_integer")).isEqualTo(Integer.MIN_VALUE);
            assertThat(r.get("c_bigint")).isEqualTo(Long.MAX_VALUE);
            assertThat(r.get("c_smallint")).isEqualTo(Short.MAX_VALUE);
            assertThat(r.get("c_string50")).isEqualTo("日本語 ✓");
            assertThat(r.get("c_text")).isEqualTo("a\nb");
            assertThat(r.get("c_boolean")).isEqualTo(false);
            assertThat(r.get("c_float")).isEqualTo(-0.5);
            assertThat(r.get("c_numeric")).isEqualTo(new BigDecimal("5.00"));
            assertThat(r.get("c_date")).isEqualTo(LocalDate.of(9999, 12, 31));
            assertThat(r.get("c_datetime")).isEqualTo(LocalDateTime.of(2024, 1, 2, 3, 4, 5));
            // SQLAlchemy dropped the +02:00 and stored the wall time: read as UTC, it is two hours late
            assertThat(r.get("c_datetime_tz")).isEqualTo(OffsetDateTime.of(2024, 1, 2, 3, 4, 5, 6_000, ZoneOffset.UTC));
            assertThat(r.get("c_time")).isEqualTo(LocalTime.of(1, 2, 3, 4_000));
            assertThat(r.get("c_largebinary")).isEqualTo(new byte[0]);
            assertThat(r.get("c_enum")).isEqualTo(Color.blue);
            assertThat(r.get("c_json")).isEqualTo("{\"name\": \"h\\u00e9llo\"}");
            assertThat(r.get("c_uuid")).isEqualTo(UUID.fromString("01234567-89ab-cdef-0123-456789abcdef"));
            // SQLAlchemy's JSON stores Python None as the JSON text 'null', not SQL NULL
            assertThat(rows.get(1).get("c_json")).isEqualTo("null");
        } finally {
            engine.dispose();
        }
    }

    private record Result(int exitCode, String stdout, String stderr) {}

    private static Result run(String script, Path database) {
        try {
            ProcessBuilder builder = new ProcessBuilder(PYTHON.toString(), "-c", script, database.toString());
            builder.environment().put("PYTHONIOENCODING", "utf-8");
            Path out = Files.createTempFile("alchemy-python", ".out");
            Path err = Files.createTempFile("alchemy-python", ".err");
            try {
                Process process = builder.redirectOutput(out.toFile())
                        .redirectError(err.toFile())
                        .start();
                if (!process.waitFor(120, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    throw new AssertionError("python3 did not finish in 120 s");
                }
                return new Result(
                        process.exitValue(),
                        Files.readString(out, StandardCharsets.UTF_8),
                        Files.readString(err, StandardCharsets.UTF_8));
            } finally {
                Files.deleteIfExists(out);
                Files.deleteIfExists(err);
            }
        } catch (IOException e) {
            return new Result(-1, "", e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
