package dev.alchemy.engine;

import static dev.alchemy.Alchemy.createEngine;
import static dev.alchemy.Alchemy.insert;
import static dev.alchemy.Alchemy.select;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.alchemy.exc.ArgumentError;
import dev.alchemy.schema.Column;
import dev.alchemy.schema.MetaData;
import dev.alchemy.schema.Table;
import dev.alchemy.types.SqlTypes;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every value of a multi-row INSERT is checked as a single value is: a lone surrogate in any row is refused. */
class MultiRowInsertBindingTest {

    @TempDir
    Path dir;

    final MetaData metadata = new MetaData();
    final Table users = Table.of(
            "users",
            metadata,
            Column.of("id", SqlTypes.INTEGER).primaryKey(),
            Column.of("name", SqlTypes.string(50)),
            Column.of("email", SqlTypes.string(100)));
    Engine engine;

    @BeforeEach
    void create() {
        engine = createEngine("sqlite:///" + dir.resolve("rows.db"));
        metadata.createAll(engine);
    }

    @AfterEach
    void dispose() {
        engine.dispose();
    }

    @Test
    void aLoneSurrogateInTheLastRowRefusesTheWholeStatement() {
        List<Map<String, Object>> rows = List.of(
                Map.of("name", "a", "email", "a@x.org"),
                Map.of("name", "b 😀", "email", "b@x.org"),
                Map.of("name", "c", "email", "c\uD800@x.org"));
        try (Connection conn = engine.connect()) {
            assertThatThrownBy(() -> conn.execute(insert(users).values(rows)))
                    .isInstanceOf(ArgumentError.class)
                    .hasMessageContaining("parameter 'email_m2'")
                    .hasMessageContaining("unpaired UTF-16 surrogate (\\uD800 at index 1)");
            assertThat(conn.execute(select(users)).all()).isEmpty();
            List<Row> ids = conn.execute(
                            insert(users).values(rows.subList(0, 2)).returning(users.c("id")))
                    .all();
            assertThat(ids).hasSize(2);
            conn.commit();
        }
        try (Connection conn = engine.connect()) {
            assertThat(conn.execute(select(users.c("name")).where(users.c("id").eq(2)))
                            .scalar())
                    .isEqualTo("b 😀");
        }
    }
}
