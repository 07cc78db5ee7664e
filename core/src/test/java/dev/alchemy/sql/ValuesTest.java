package dev.alchemy.sql;

import static dev.alchemy.Alchemy.insert;
import static dev.alchemy.Alchemy.select;
import static dev.alchemy.types.SqlTypes.INTEGER;
import static dev.alchemy.types.SqlTypes.VARCHAR;
import static dev.alchemy.types.SqlTypes.string;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.alchemy.engine.Connection;
import dev.alchemy.engine.Engine;
import dev.alchemy.exc.ArgumentError;
import dev.alchemy.exc.CompileError;
import dev.alchemy.schema.Column;
import dev.alchemy.schema.MetaData;
import dev.alchemy.schema.Table;
import dev.alchemy.testing.OnDatabases;
import dev.alchemy.testing.TestDatabase;
import dev.alchemy.types.SqlType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;

/** {@link Values}, SQLAlchemy's {@code values()}: rows in the statement, used as a table, on both databases. */
@OnDatabases
class ValuesTest {

    @Parameter
    TestDatabase db;

    Engine engine;
    final MetaData metadata = new MetaData();
    final Table products = Table.of(
            "products",
            metadata,
            Column.of("id", INTEGER).primaryKey(),
            Column.of("name", string(20)),
            Column.of("price", INTEGER));

    final Values prices = Values.of("prices", columns("name", VARCHAR, "price", INTEGER))
            .data(List.of(List.of("apple", 3), List.of("pear", 4)));

    @BeforeEach
    void createTable() {
        engine = db.createEngine();
        metadata.createAll(engine);
    }

    @AfterEach
    void drop() {
        db.reset();
    }

    private static Map<String, SqlType<?>> columns(String a, SqlType<?> aType, String b, SqlType<?> bType) {
        Map<String, SqlType<?>> columns = new LinkedHashMap<>();
        columns.put(a, aType);
        columns.put(b, bType);
        return columns;
    }

    @Test
    void compilesAsSqlalchemyOnPostgresqlAndWithColumnNamesSqliteAccepts() {
        // SQLAlchemy 1.4, postgresql: str(select(values(column('name', String), column('price', Integer),
        // name='prices').data([('apple', 3), ('pear', 4)])))
        assertThat(CoreFixture.postgresql(select(prices)).sql())
                .isEqualTo(
                        "SELECT prices.name, prices.price \n" + "FROM (VALUES (?, ?), (?, ?)) AS prices (name, price)");
        assertThat(CoreFixture.sqlite(select(prices)).sql())
                .isEqualTo("SELECT prices.name, prices.price \n"
                        + "FROM (SELECT column1 AS name, column2 AS price FROM (VALUES (?, ?), (?, ?))) AS prices");
        assertThat(CoreFixture.params(CoreFixture.postgresql(select(prices))))
                .containsExactly(
                        org.assertj.core.api.Assertions.entry("param_1", "apple"),
                        org.assertj.core.api.Assertions.entry("param_2", 3),
                        org.assertj.core.api.Assertions.entry("param_3", "pear"),
                        org.assertj.core.api.Assertions.entry("param_4", 4));
    }

    @Test
    void selectsJoinsAndFeedsAnInsertOnBothDatabases() {
        try (Connection conn = engine.connect()) {
            assertThat(conn.execute(select(prices).orderBy(prices.c("price").desc()))
                            .all())
                    .extracting(r -> r.get("name"), r -> r.get("price"))
                    .containsExactly(tuple("pear", 4), tuple("apple", 3));
            conn.execute(insert(products)
                    .fromSelect(
                            List.of("name", "price"),
                            select(prices.c("name"), prices.c("price")).orderBy(prices.c("price"))));
            conn.execute(insert(products).values(Map.of("name", "plum", "price", 9)));
            assertThat(conn.execute(select(products.c("id"), products.c("name")).orderBy(products.c("id")))
                            .all())
                    .extracting(r -> r.get("id"), r -> r.get("name"))
                    // InnoDB reserves AUTO_INCREMENT values for an INSERT ... SELECT in powers of two (1, 2 and 3
                    // for its two rows), so the next INSERT gets 4 on MariaDB: keys ascend, with a gap
                    .containsExactly(tuple(1, "apple"), tuple(2, "pear"), tuple(db.isMariadb() ? 4 : 3, "plum"));
            Values wanted = Values.of("wanted", columns("name", VARCHAR, "most", INTEGER))
                    .data(List.of(List.of("apple", 5), List.of("plum", 5), List.of("kiwi", 5)));
            assertThat(conn.execute(select(products.c("name"))
                                    .selectFrom(products.join(
                                            wanted, products.c("name").eq(wanted.c("name"))))
                                    .where(products.c("price").le(wanted.c("most")))
                                    .orderBy(products.c("name")))
                            .scalars())
                    .containsExactly("apple");
        }
    }

    @Test
    void rowsMustFitTheColumnsAndThereMustBeRows() {
        Values empty = Values.of("v", columns("a", INTEGER, "b", INTEGER));
        assertThatThrownBy(() -> empty.data(List.of(List.of(1))))
                .isInstanceOf(ArgumentError.class)
                .hasMessage("a row of VALUES 'v' has 1 values; its columns: [a, b]");
        assertThatThrownBy(() -> CoreFixture.postgresql(select(empty)))
                .isInstanceOf(CompileError.class)
                .hasMessageContaining("VALUES 'v' has no rows");
    }
}
