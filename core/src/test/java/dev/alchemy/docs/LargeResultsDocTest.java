package dev.alchemy.docs;

import static dev.alchemy.Alchemy.createEngine;
import static dev.alchemy.Alchemy.insert;
import static dev.alchemy.Alchemy.select;
import static dev.alchemy.Alchemy.text;
import static dev.alchemy.types.SqlTypes.INTEGER;
import static dev.alchemy.types.SqlTypes.VARCHAR;
import static org.assertj.core.api.Assertions.assertThat;

import dev.alchemy.engine.Connection;
import dev.alchemy.engine.Engine;
import dev.alchemy.engine.Row;
import dev.alchemy.engine.StreamingResult;
import dev.alchemy.schema.Column;
import dev.alchemy.schema.MetaData;
import dev.alchemy.schema.Table;
import dev.alchemy.sql.Keyset;
import dev.alchemy.sql.KeysetPage;
import dev.alchemy.sql.OffsetPage;
import dev.alchemy.sql.Select;
import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The snippets of the section "Large results" of {@code docs/engine.md}. */
class LargeResultsDocTest {

    Engine engine;
    final List<Integer> sizes = new ArrayList<>();
    long evenIds;
    final MetaData metadata = new MetaData();
    final Table events =
            Table.of("events", metadata, Column.of("id", INTEGER).primaryKey(), Column.of("payload", VARCHAR));
    final Table users = Table.of(
            "users",
            metadata,
            Column.of("id", INTEGER).primaryKey(),
            Column.of("name", VARCHAR).notNull());

    @BeforeEach
    void fill() {
        engine = createEngine("sqlite:///:memory:");
        metadata.createAll(engine);
        List<Map<String, ?>> rows = new ArrayList<>();
        List<Map<String, ?>> people = new ArrayList<>();
        for (int i = 1; i <= 120; i++) {
            rows.add(Map.of("id", i, "payload", "event " + i));
            people.add(Map.of("id", i, "name", "user " + (i % 13)));
        }
        engine.useTransaction(conn -> {
            conn.execute(insert(events), rows);
            conn.execute(insert(users), people);
        });
    }

    @AfterEach
    void dispose() {
        engine.dispose();
    }

    @Test
    void streamRows() throws IOException {
        Writer out = new StringWriter();
        // tag::stream[]
        try (Connection conn = engine.connect();
                StreamingResult rows = conn.stream(select(events).orderBy(events.c("id")))) {
            for (Row row : rows) { // 1,000 rows fetched at a time, whatever the table's size
                out.write(row.get("payload", String.class) + "\n");
            }
        }
        // end::stream[]
        assertThat(out.toString()).startsWith("event 1\nevent 2\n").endsWith("event 120\n");
    }

    @Test
    void partitionsAndStreams() {
        // tag::partitions[]
        try (Connection conn = engine.connect()) {
            try (StreamingResult result = conn.stream(select(events), 500)) { // 500 rows per round trip
                for (List<Row> batch : result.partitions(50)) {
                    sizes.add(batch.size()); // 50, 50, ... and the rest
                }
            }
            try (Stream<Row> rows = conn.stream(text("SELECT id, payload FROM events")).stream()) {
                evenIds = rows.filter(r -> r.get("id", Long.class) % 2 == 0).count();
            }
        }
        // end::partitions[]
        assertThat(sizes).containsExactly(50, 50, 20);
        assertThat(evenIds).isEqualTo(60);
    }

    @Test
    void offsetPages() {
        // tag::offset-page[]
        Select byName = select(users).orderBy(users.c("name"), users.c("id")); // unique: ends with the key
        OffsetPage<Row> page;
        try (Connection conn = engine.connect()) {
            page = OffsetPage.fetch(conn, byName, 3, 20); // page 3, 20 rows a page
        }
        page.items(); // rows 41 to 60, read: usable after the connection is closed
        page.total(); // 120, from SELECT count(*) AS count_1 FROM (<the query>) AS anon_1
        page.totalPages(); // 6
        page.hasNext(); // true
        // end::offset-page[]
        assertThat(page.items()).hasSize(20);
        assertThat(page.total()).isEqualTo(120);
        assertThat(page.totalPages()).isEqualTo(6);
        assertThat(page.hasNext()).isTrue();
    }

    @Test
    void keysetPages() {
        int walked = 0;
        // tag::keyset-page[]
        Select byName = select(users).orderBy(users.c("name"), users.c("id"));
        try (Connection conn = engine.connect()) {
            KeysetPage<Row> page = KeysetPage.fetch(conn, byName, 50, null); // the first page
            while (page.hasNext()) {
                walked += page.items().size();
                page = KeysetPage.fetch(conn, byName, 50, page.next()); // WHERE name >= ? AND (name > ? OR ...)
            }
            walked += page.items().size();
        }
        // end::keyset-page[]
        assertThat(walked).isEqualTo(120);
    }

    @Test
    void keysetFromARequest() {
        String afterName = "user 5";
        int afterId = 44;
        List<Row> shown;
        try (Connection conn = engine.connect()) {
            Select byName = select(users).orderBy(users.c("name"), users.c("id"));
            // tag::keyset-request[]
            // GET /users?after_name=user%205&after_id=44
            KeysetPage<Row> page = KeysetPage.fetch(conn, byName, 50, Keyset.of(afterName, afterId));
            // end::keyset-request[]
            shown = page.items();
        }
        assertThat(shown.get(0).get("name", String.class)).isEqualTo("user 5");
        assertThat(shown.get(0).get("id", Integer.class)).isGreaterThan(44);
    }
}
