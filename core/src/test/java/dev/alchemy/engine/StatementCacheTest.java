package dev.alchemy.engine;

import static dev.alchemy.Alchemy.insert;
import static dev.alchemy.Alchemy.select;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.alchemy.exc.ArgumentError;
import dev.alchemy.schema.Column;
import dev.alchemy.schema.MetaData;
import dev.alchemy.schema.Table;
import dev.alchemy.testing.OnDatabases;
import dev.alchemy.testing.TestDatabase;
import dev.alchemy.types.SqlTypes;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;

/**
 * Each engine has one bounded cache of compiled statements with hit and miss counts (issue 18 item 4): an INSERT of
 * plain values is compiled once per shape and given each execution's values, and nothing is shared between engines.
 */
@OnDatabases
class StatementCacheTest {

    @Parameter
    TestDatabase db;

    final MetaData metadata = new MetaData();
    Table notes;
    Engine engine;

    @BeforeEach
    void setUp() {
        notes = Table.of(
                "notes",
                metadata,
                Column.of("id", SqlTypes.INTEGER).primaryKey(),
                Column.of("body", db.varchar()),
                Column.of("stars", SqlTypes.INTEGER));
        engine = db.createEngine();
        metadata.createAll(engine);
    }

    @AfterEach
    void tearDown() {
        db.reset();
    }

    private List<String> bodies(Engine e) {
        try (Connection conn = e.connect()) {
            return conn.execute(select(notes.c("body")).orderBy(notes.c("id"))).scalars(String.class);
        }
    }

    @Test
    void anInsertShapeIsCompiledOnceAndGivenEachExecutionsValues() {
        StatementCache cache = engine.statementCache();
        assertThat(cache.maxSize()).isEqualTo(StatementCache.DEFAULT_SIZE);
        long hits = cache.hits();
        long misses = cache.misses();
        int size = cache.size();
        try (Connection conn = engine.connect()) {
            conn.execute(insert(notes).values(Map.of("id", 1, "body", "one", "stars", 1)));
            conn.execute(insert(notes).values(Map.of("id", 2, "body", "two", "stars", 2)));
            conn.execute(insert(notes).values(Map.of("id", 3, "body", "three", "stars", 3)));
            conn.commit();
        }
        assertThat(cache.misses() - misses).isEqualTo(1);
        assertThat(cache.hits() - hits).isEqualTo(2);
        assertThat(cache.size() - size).isEqualTo(1);
        assertThat(bodies(engine)).containsExactly("one", "two", "three"); // each execution's own values

        // the SELECT of bodies() is cached too: count the INSERTs from here
        misses = cache.misses();
        hits = cache.hits();
        try (Connection conn = engine.connect()) { // two rows: another shape
            conn.execute(insert(notes)
                    .values(List.of(
                            Map.of("id", 4, "body", "four", "stars", 4), Map.of("id", 5, "body", "five", "stars", 5))));
            conn.execute(insert(notes)
                    .values(List.of(
                            Map.of("id", 6, "body", "six", "stars", 6), Map.of("id", 7, "body", "seven", "stars", 7))));
            conn.commit();
        }
        assertThat(cache.misses() - misses).isEqualTo(1);
        assertThat(cache.hits() - hits).isEqualTo(1);
        assertThat(bodies(engine)).containsExactly("one", "two", "three", "four", "five", "six", "seven");
    }

    @Test
    void enginesHaveTheirOwnCache() {
        Engine other = db.createEngine();
        try (Connection conn = engine.connect()) {
            conn.execute(insert(notes).values(Map.of("id", 1, "body", "one", "stars", 1)));
            conn.commit();
        }
        assertThat(other.statementCache()).isNotSameAs(engine.statementCache());
        long otherMisses = other.statementCache().misses();
        try (Connection conn = other.connect()) {
            conn.execute(insert(notes).values(Map.of("id", 2, "body", "two", "stars", 2)));
            conn.commit();
        }
        assertThat(other.statementCache().misses() - otherMisses).isEqualTo(1); // not found in the first engine's
        assertThat(bodies(other)).containsExactly("one", "two");
    }

    @Test
    void theCacheIsBoundedLeastRecentlyUsedFirst() {
        Engine small = db.createEngine(EngineOptions.defaults().statementCacheSize(2));
        StatementCache cache = small.statementCache();
        try (Connection conn = small.connect()) {
            conn.execute(insert(notes).values(Map.of("id", 1))); // shape A
            conn.execute(insert(notes).values(Map.of("id", 2, "body", "b"))); // shape B
            conn.execute(insert(notes).values(Map.of("id", 3))); // A again: a hit, A is now the most recent
            conn.execute(insert(notes).values(Map.of("id", 4, "stars", 4))); // shape C: B is dropped
            conn.execute(insert(notes).values(Map.of("id", 5))); // A: still there
            conn.execute(insert(notes).values(Map.of("id", 6, "body", "f"))); // B: compiled again
            conn.commit();
        }
        assertThat(cache.size()).isEqualTo(2);
        assertThat(cache.hits()).isEqualTo(2);
        assertThat(cache.misses()).isEqualTo(4);
        assertThat(cache).hasToString("StatementCache[hits=2, misses=4, size=2, maxSize=2]");
        assertThat(bodies(small)).containsExactly(null, "b", null, null, null, "f");
    }

    @Test
    void sizeZeroCompilesEveryTime() {
        Engine uncached = db.createEngine(EngineOptions.defaults().statementCacheSize(0));
        try (Connection conn = uncached.connect()) {
            conn.execute(insert(notes).values(Map.of("id", 1, "body", "one")));
            conn.execute(insert(notes).values(Map.of("id", 2, "body", "two")));
            conn.commit();
        }
        StatementCache cache = uncached.statementCache();
        assertThat(List.of(cache.size(), cache.maxSize())).containsExactly(0, 0);
        assertThat(cache.hits()).isZero();
        assertThat(bodies(uncached)).containsExactly("one", "two");
        assertThatThrownBy(() -> EngineOptions.defaults().statementCacheSize(-1))
                .isInstanceOf(ArgumentError.class)
                .hasMessage("statementCacheSize must be 0 (no cache) or more, was -1");
    }

    @Test
    void disposeEmptiesTheCache() {
        try (Connection conn = engine.connect()) {
            conn.execute(insert(notes).values(Map.of("id", 1, "body", "one")));
            conn.commit();
        }
        assertThat(engine.statementCache().size()).isPositive();
        engine.dispose();
        assertThat(engine.statementCache().size()).isZero();
    }
}
