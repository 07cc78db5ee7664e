package dev.alchemy.sql;

import static dev.alchemy.Alchemy.forUpdate;
import static dev.alchemy.Alchemy.insert;
import static dev.alchemy.Alchemy.literalColumn;
import static dev.alchemy.Alchemy.select;
import static dev.alchemy.Alchemy.text;
import static org.assertj.core.api.Assertions.assertThat;

import dev.alchemy.engine.CompiledStatement;
import dev.alchemy.engine.Connection;
import dev.alchemy.engine.Engine;
import dev.alchemy.engine.EngineOptions;
import dev.alchemy.engine.StatementCache;
import dev.alchemy.schema.Column;
import dev.alchemy.schema.MetaData;
import dev.alchemy.schema.Table;
import dev.alchemy.testing.OnDatabases;
import dev.alchemy.testing.TestDatabase;
import dev.alchemy.types.SqlTypes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;

/**
 * SELECTs are compiled once per shape (issue 18 item 4): the engine's cache keys a SELECT by what its SQL depends on,
 * not by the values it binds, and gives a cached compilation each statement's own values. Statements that differ in
 * something rendered (an IN list's length, IS NULL, LIMIT, a lock, the columns, ORDER BY's direction) get their own
 * entries and their own SQL.
 */
@OnDatabases
class SelectStatementCacheTest {

    @Parameter
    TestDatabase db;

    final MetaData metadata = new MetaData();
    Table notes;
    Engine engine;
    StatementCache cache;

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
        try (Connection conn = engine.connect()) {
            conn.execute(insert(notes)
                    .values(List.of(
                            Map.of("id", 1, "body", "one", "stars", 1),
                            Map.of("id", 2, "body", "two", "stars", 2),
                            Map.of("id", 3, "body", "three", "stars", 3))));
            conn.execute(insert(notes).values(Map.of("id", 4, "body", "four")));
            conn.commit();
        }
        cache = engine.statementCache();
    }

    @AfterEach
    void tearDown() {
        db.reset();
    }

    private List<String> bodies(Select select) {
        try (Connection conn = engine.connect()) {
            return conn.execute(select).scalars(String.class);
        }
    }

    private Select byStars(int stars) {
        return select(notes.c("body")).where(notes.c("stars").eq(stars)).orderBy(notes.c("id"));
    }

    @Test
    void aSelectShapeIsCompiledOnceAndGivenEachExecutionsValues() {
        long hits = cache.hits();
        long misses = cache.misses();
        int size = cache.size();

        assertThat(bodies(byStars(1))).containsExactly("one");
        assertThat(bodies(byStars(2))).containsExactly("two");
        assertThat(bodies(byStars(3))).containsExactly("three");
        assertThat(bodies(byStars(4))).isEmpty();

        assertThat(cache.misses() - misses).isEqualTo(1);
        assertThat(cache.hits() - hits).isEqualTo(3);
        assertThat(cache.size() - size).isEqualTo(1);
    }

    @Test
    void valuesOfEveryKindAreTakenFromEachStatement() {
        IntFunction<Select> query = n -> select(notes.c("id"))
                .where(
                        notes.c("body").like(n == 1 ? "o%" : "t%"),
                        notes.c("stars").between(n, n + 1),
                        notes.c("id").in(List.of(n, n + 1, n + 2)))
                .orderBy(notes.c("id"));
        long hits = cache.hits();
        try (Connection conn = engine.connect()) {
            assertThat(conn.execute(query.apply(1)).scalars(Integer.class)).containsExactly(1);
            assertThat(conn.execute(query.apply(2)).scalars(Integer.class)).containsExactly(2, 3);
        }
        assertThat(cache.hits() - hits).isEqualTo(1);
    }

    @Test
    void shapesThatDifferInWhatIsRenderedGetTheirOwnEntries() {
        Column<Object> stars = notes.c("stars");
        Column<Object> id = notes.c("id");
        List<List<Select>> groups = List.of(
                // IN lists of different lengths
                List.of(
                        select(notes.c("body")).where(id.in(List.of(1))),
                        select(notes.c("body")).where(id.in(List.of(1, 2))),
                        select(notes.c("body")).where(id.in(List.of(1, 2, 3))),
                        select(notes.c("body")).where(id.in(List.of()))),
                // = ? and IS NULL
                List.of(
                        select(notes.c("body")).where(stars.eq((Object) null)),
                        select(notes.c("body")).where(stars.eq(1)),
                        select(notes.c("body")).where(stars.ne((Object) null))),
                // LIMIT and OFFSET present or not
                List.of(
                        select(notes.c("body")).orderBy(id),
                        select(notes.c("body")).orderBy(id).limit(2),
                        select(notes.c("body")).orderBy(id).offset(1),
                        select(notes.c("body")).orderBy(id).limit(2).offset(1)),
                // other columns, ORDER BY direction
                List.of(
                        select(notes.c("body")).orderBy(stars),
                        select(notes.c("body"), notes.c("stars")).orderBy(stars),
                        select(notes.c("body")).orderBy(stars.desc()),
                        select(notes.c("body")).orderBy(stars.asc(), id)));
        for (List<Select> group : groups) {
            List<String> sql = new ArrayList<>();
            for (Select s : group) {
                long misses = cache.misses();
                CompiledStatement cached;
                try (Connection conn = engine.connect()) {
                    cached = s.compile(engine.dialect(), cache);
                    conn.execute(s); // runs, as cached
                }
                assertThat(cache.misses() - misses).as("%s is a new shape", s).isEqualTo(1);
                CompiledStatement fresh = s.compile(engine.dialect());
                assertThat(cached.sql()).isEqualTo(fresh.sql());
                assertThat(values(cached)).isEqualTo(values(fresh));
                sql.add(cached.sql());
            }
            if (!(db.isSqlite() && group == groups.get(2))) { // SQLite writes an absent LIMIT or OFFSET as a value
                assertThat(sql).doesNotHaveDuplicates();
            }
        }
        assertThat(bodies(select(notes.c("body")).where(stars.eq((Object) null))))
                .containsExactly("four");
        assertThat(bodies(select(notes.c("body")).where(id.in(List.of(2, 3))).orderBy(id.desc())))
                .containsExactly("three", "two");
        assertThat(bodies(select(notes.c("body")).orderBy(id).limit(2).offset(1)))
                .containsExactly("two", "three");
        assertThat(bodies(select(notes.c("body")).orderBy(id).limit(1).offset(3)))
                .containsExactly("four");
    }

    @Test
    void pagesOfOneQueryShareAnEntryAndGetTheirOwnLimitAndOffset() {
        Select all = select(notes.c("body")).orderBy(notes.c("id"));
        long misses = cache.misses();
        long hits = cache.hits();
        assertThat(bodies(all.limit(2).offset(0))).containsExactly("one", "two");
        assertThat(bodies(all.limit(2).offset(2))).containsExactly("three", "four");
        assertThat(bodies(all.limit(1).offset(1))).containsExactly("two");
        assertThat(bodies(all.limit(3).offset(3))).containsExactly("four"); // LIMIT and OFFSET equal
        assertThat(cache.misses() - misses).isEqualTo(1);
        assertThat(cache.hits() - hits).isEqualTo(3);
    }

    @Test
    void lockVariantsAreShapesOfTheirOwn() {
        List<ForUpdate> locks = List.of(
                forUpdate(),
                forUpdate().noWait(),
                forUpdate().skipLocked(),
                forUpdate().ofShare(),
                forUpdate().ofShare().skipLocked());
        Select base = select(notes.c("body")).where(notes.c("id").eq(1));
        List<String> sql = new ArrayList<>();
        for (ForUpdate lock : locks) {
            long misses = cache.misses();
            CompiledStatement cached = base.withForUpdate(lock).compile(engine.dialect(), cache);
            assertThat(cache.misses() - misses).isEqualTo(1);
            assertThat(cached.sql())
                    .isEqualTo(
                            base.withForUpdate(lock).compile(engine.dialect()).sql());
            sql.add(cached.sql());
        }
        if (!db.isSqlite()) { // SQLite has no row locks and writes none
            assertThat(sql).doesNotHaveDuplicates();
        }
        try (Connection conn = engine.connect()) {
            assertThat(conn.execute(base.withForUpdate(forUpdate().noWait())).scalars(String.class))
                    .containsExactly("one");
        }
    }

    @Test
    void textAndLiteralColumnsAreKeyedByTheirText() {
        long misses = cache.misses();
        assertThat(bodies(select(notes.c("body")).where(text("stars > 2")))).containsExactly("three");
        assertThat(bodies(select(notes.c("body")).where(text("stars < 2")))).containsExactly("one");
        assertThat(cache.misses() - misses).as("text is not cached").isZero();

        Select one = select(literalColumn("stars + 1"))
                .selectFrom(notes)
                .where(notes.c("id").eq(1));
        Select two = select(literalColumn("stars + 2"))
                .selectFrom(notes)
                .where(notes.c("id").eq(1));
        try (Connection conn = engine.connect()) {
            assertThat(conn.execute(one).scalar(Integer.class)).isEqualTo(2);
            assertThat(conn.execute(two).scalar(Integer.class)).isEqualTo(3);
        }
        assertThat(cache.misses() - misses).isEqualTo(2);
    }

    @Test
    void aliasesAndSubqueriesAreKeyedByTheirStructure() {
        TableClause a = notes.alias();
        TableClause b = notes.alias();
        // two aliases of one table (users_1, users_2) against the same alias twice: different SQL
        Select twoAliases =
                select(a.c("body")).where(a.c("id").eq(b.c("stars")), b.c("id").eq(1));
        Select oneAlias =
                select(a.c("body")).where(a.c("id").eq(a.c("stars")), a.c("id").eq(1));
        CompiledStatement first = twoAliases.compile(engine.dialect(), cache);
        CompiledStatement second = oneAlias.compile(engine.dialect(), cache);
        assertThat(first.sql()).isEqualTo(twoAliases.compile(engine.dialect()).sql());
        assertThat(second.sql()).isEqualTo(oneAlias.compile(engine.dialect()).sql());
        assertThat(first.sql()).isNotEqualTo(second.sql());

        long hits = cache.hits();
        Subquery top = select(notes.c("id"), notes.c("stars"))
                .where(notes.c("stars").ge(2))
                .subquery("top");
        Subquery top3 = select(notes.c("id"), notes.c("stars"))
                .where(notes.c("stars").ge(3))
                .subquery("top");
        assertThat(bodies(select(notes.c("body"))
                        .where(notes.c("id").in(select(top.c("id"))))
                        .orderBy(notes.c("id"))))
                .containsExactly("two", "three");
        assertThat(bodies(select(notes.c("body"))
                        .where(notes.c("id").in(select(top3.c("id"))))
                        .orderBy(notes.c("id"))))
                .containsExactly("three");
        assertThat(cache.hits() - hits).isEqualTo(1);
    }

    @Test
    void sizeZeroCountsNothingForSelects() {
        Engine uncached = db.createEngine(EngineOptions.defaults().statementCacheSize(0));
        try (Connection conn = uncached.connect()) {
            assertThat(conn.execute(byStars(1)).scalars(String.class)).containsExactly("one");
            assertThat(conn.execute(byStars(2)).scalars(String.class)).containsExactly("two");
        }
        StatementCache none = uncached.statementCache();
        assertThat(Arrays.asList(none.hits(), none.misses(), (long) none.size()))
                .containsOnly(0L);
    }

    private static List<Object> values(CompiledStatement statement) {
        return statement.parameters().stream()
                .map(p -> Arrays.asList(p.key(), p.value(), p.hasValue()))
                .map(l -> (Object) l)
                .toList();
    }
}
