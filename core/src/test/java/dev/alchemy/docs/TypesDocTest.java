package dev.alchemy.docs;

import static dev.alchemy.Alchemy.createEngine;
import static dev.alchemy.Alchemy.insert;
import static dev.alchemy.Alchemy.select;
import static dev.alchemy.Alchemy.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.alchemy.engine.Connection;
import dev.alchemy.engine.Engine;
import dev.alchemy.engine.Row;
import dev.alchemy.exc.ArgumentError;
import dev.alchemy.schema.Column;
import dev.alchemy.schema.MetaData;
import dev.alchemy.schema.Table;
import dev.alchemy.types.Converter;
import dev.alchemy.types.SqlType;
import dev.alchemy.types.SqlTypes;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Java snippets of the "Types" section of {@code docs/schema.md}, each between {@code tag::name[]} and
 * {@code end::name[]}; {@link DocSnippetsTest} checks that the page shows them exactly as here.
 */
class TypesDocTest {

    enum Status {
        NEW,
        SHIPPED,
        DELIVERED
    }

    record Settings(String theme, List<String> tags) {}

    // tag::converter[]
    record Money(long cents) {}

    static final class MoneyConverter implements Converter<Money, Long> {
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
    // end::converter[]

    Engine engine;
    MetaData metadata;
    Table orders;

    @BeforeEach
    void setUp() {
        engine = createEngine("sqlite:///:memory:");
        metadata = new MetaData();
        // tag::columns[]
        Table orders = Table.of(
                "orders",
                metadata,
                Column.of("id", SqlTypes.INTEGER).primaryKey(),
                Column.of("reference", SqlTypes.UUID),
                Column.of("customer", SqlTypes.string(100)).notNull(),
                Column.of("total", SqlTypes.numeric(10, 2)),
                Column.of("paid", SqlTypes.BOOLEAN),
                Column.of("status", SqlTypes.enumOf(Status.class)), // VARCHAR(9): the longest name
                Column.of("placed_at", SqlTypes.DATETIME),
                Column.of("shipped_on", SqlTypes.DATE),
                Column.of("attributes", SqlTypes.JSON));
        metadata.createAll(engine);
        // end::columns[]
        this.orders = orders;
    }

    @AfterEach
    void tearDown() {
        engine.dispose();
    }

    private void insertOrder() {
        try (Connection conn = engine.connect()) {
            conn.execute(insert(orders)
                    .values(Map.of(
                            "reference",
                            UUID.fromString("12345678-1234-5678-1234-567812345678"),
                            "customer",
                            "Alice",
                            "total",
                            new BigDecimal("19.90"),
                            "paid",
                            true,
                            "status",
                            Status.SHIPPED,
                            "placed_at",
                            LocalDateTime.of(2024, 1, 2, 3, 4, 5),
                            "shipped_on",
                            LocalDate.of(2024, 1, 3),
                            "attributes",
                            "{\"gift\": true}")));
            conn.commit();
        }
    }

    @Test
    void valuesComeBackInTheirJavaTypes() {
        insertOrder();
        try (Connection conn = engine.connect()) {
            // tag::read[]
            Row order = conn.execute(select(orders)).one();
            LocalDateTime placedAt = (LocalDateTime) order.get("placed_at"); // 2024-01-02T03:04:05
            LocalDate shippedOn = (LocalDate) order.get("shipped_on"); // 2024-01-03, from the text '2024-01-03'
            BigDecimal total = (BigDecimal) order.get("total"); // 19.90: the column's scale
            Status status = (Status) order.get("status"); // SHIPPED
            UUID reference = (UUID) order.get("reference");
            // end::read[]
            assertThat(placedAt).isEqualTo(LocalDateTime.of(2024, 1, 2, 3, 4, 5));
            assertThat(shippedOn).isEqualTo(LocalDate.of(2024, 1, 3));
            assertThat(total).isEqualTo(new BigDecimal("19.90"));
            assertThat(status).isEqualTo(Status.SHIPPED);
            assertThat(reference).isEqualTo(UUID.fromString("12345678-1234-5678-1234-567812345678"));
        }
    }

    @Test
    void theFileHoldsWhatSqlalchemyWrites() {
        insertOrder();
        try (Connection conn = engine.connect()) {
            // tag::raw[]
            Row raw = conn.execute(text("SELECT placed_at, typeof(placed_at), paid, reference, status FROM orders"))
                    .one();
            // '2024-01-02 03:04:05.000000', 'text', 1, '12345678123456781234567812345678', 'SHIPPED'
            // end::raw[]
            assertThat(raw.asMap().values())
                    .containsExactly(
                            "2024-01-02 03:04:05.000000", "text", 1, "12345678123456781234567812345678", "SHIPPED");
        }
    }

    @Test
    void forJavaTypeChoosesLikeSqlalchemy() {
        // tag::for-java-type[]
        SqlType<Long> id = SqlTypes.forJavaType(Long.class); // BIGINT
        SqlType<OffsetDateTime> created = SqlTypes.forJavaType(OffsetDateTime.class); // DATETIME(timezone=true)
        SqlType<Status> status = SqlTypes.forJavaType(Status.class); // VARCHAR(9)
        // end::for-java-type[]
        assertThat(id).isEqualTo(SqlTypes.BIGINT);
        assertThat(created).isEqualTo(SqlTypes.DATETIME_TZ);
        assertThat(status.sqlName()).isEqualTo("VARCHAR(9)");
        assertThatThrownBy(() -> SqlTypes.forJavaType(java.util.Date.class)).isInstanceOf(ArgumentError.class);
    }

    @Test
    void convertedTypes() {
        // tag::converted[]
        SqlType<Path> path = SqlTypes.converted(SqlTypes.VARCHAR, Path.class, Path::toString, Path::of);
        SqlType<Money> money = SqlTypes.converted(new MoneyConverter()); // BIGINT in DDL and storage
        // end::converted[]
        Table files = Table.of(
                "files",
                metadata,
                Column.of("id", SqlTypes.INTEGER).primaryKey(),
                Column.of("path", path),
                Column.of("price", money));
        metadata.createAll(engine);
        try (Connection conn = engine.connect()) {
            conn.execute(insert(files).values(Map.of("path", Path.of("a", "b.txt"), "price", new Money(250))));
            Row row = conn.execute(select(files)).one();
            assertThat(row.get("path")).isEqualTo(Path.of("a", "b.txt"));
            assertThat(row.get("price")).isEqualTo(new Money(250));
        }
    }

    @Test
    void jsonThroughJackson() {
        // tag::json-codec[]
        ObjectMapper mapper = JsonMapper.builder().build(); // Jackson 3: its exceptions are unchecked
        SqlType<Settings> settings = SqlTypes.json(
                Settings.class, mapper::writeValueAsString, json -> mapper.readValue(json, Settings.class));
        // end::json-codec[]
        Table prefs = Table.of(
                "prefs", metadata, Column.of("id", SqlTypes.INTEGER).primaryKey(), Column.of("settings", settings));
        metadata.createAll(engine);
        try (Connection conn = engine.connect()) {
            conn.execute(insert(prefs).values(Map.of("settings", new Settings("dark", List.of("a", "b")))));
            assertThat(conn.execute(select(prefs.c("settings"))).scalar())
                    .isEqualTo(new Settings("dark", List.of("a", "b")));
            assertThat(conn.execute(text("SELECT settings FROM prefs")).scalar())
                    .isEqualTo("{\"theme\":\"dark\",\"tags\":[\"a\",\"b\"]}");
        }
    }

    @Test
    void exactDecimalsOnSqlite() {
        // tag::exact-decimal[]
        SqlType<BigDecimal> exact =
                SqlTypes.converted(SqlTypes.string(40), BigDecimal.class, BigDecimal::toPlainString, BigDecimal::new);
        // end::exact-decimal[]
        Table ledger = Table.of(
                "ledger", metadata, Column.of("id", SqlTypes.INTEGER).primaryKey(), Column.of("amount", exact));
        metadata.createAll(engine);
        BigDecimal amount = new BigDecimal("12345678901234567890.123456789");
        try (Connection conn = engine.connect()) {
            conn.execute(insert(ledger).values(Map.of("amount", amount)));
            assertThat(conn.execute(select(ledger.c("amount"))).scalar()).isEqualTo(amount);
        }
    }
}
