package dev.alchemy.sql;

import static dev.alchemy.Alchemy.and;
import static dev.alchemy.Alchemy.bindparam;
import static dev.alchemy.Alchemy.case_;
import static dev.alchemy.Alchemy.exists;
import static dev.alchemy.Alchemy.forUpdate;
import static dev.alchemy.Alchemy.func;
import static dev.alchemy.Alchemy.literalColumn;
import static dev.alchemy.Alchemy.not;
import static dev.alchemy.Alchemy.or;
import static dev.alchemy.Alchemy.select;
import static dev.alchemy.Alchemy.text;
import static dev.alchemy.Alchemy.when;
import static org.assertj.core.api.Assertions.assertThat;

import dev.alchemy.engine.BoundParameter;
import dev.alchemy.engine.CompiledStatement;
import dev.alchemy.engine.EngineDialect;
import dev.alchemy.engine.ResultColumn;
import dev.alchemy.engine.StatementCache;
import dev.alchemy.schema.Column;
import dev.alchemy.schema.MetaData;
import dev.alchemy.schema.Table;
import dev.alchemy.types.SqlTypes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * Property: for many generated SELECTs, compiling through the engine's statement cache gives exactly what compiling
 * afresh gives (text, parameter names, values and binders, result columns), on every dialect. The statements come
 * from a few hundred structures, each filled with random values, so most compilations are cache hits; and values
 * that change what is rendered (NULL in a comparison, an IN list's length, a LIMIT) are drawn with the values, so a
 * key that forgot one would show here as a hit with the wrong SQL.
 *
 * <p>A failure names its seed; {@code -Dalchemy.test.seed=N} replays it.
 */
class CachedCompilePropertyTest {

    static final long SEED = Long.getLong("alchemy.test.seed", System.nanoTime());
    static final int STATEMENTS = 6_000;
    static final int SHAPES = 300;

    final MetaData metadata = new MetaData();
    final Table users = Table.of(
            "users",
            metadata,
            Column.of("id", SqlTypes.INTEGER).primaryKey(),
            Column.of("name", SqlTypes.string(50)),
            Column.of("age", SqlTypes.INTEGER),
            Column.of("active", SqlTypes.BOOLEAN));
    final Table addresses = Table.of(
            "addresses",
            metadata,
            Column.of("id", SqlTypes.INTEGER).primaryKey(),
            Column.of("user_id", SqlTypes.INTEGER).references("users.id"),
            Column.of("email", SqlTypes.string(100)));

    @Test
    void cachedCompilationsEqualFreshOnes() {
        for (String name : List.of("sqlite", "postgresql", "mysql")) {
            check(EngineDialect.forName(name), StatementCache.ofSize(10_000), SEED);
        }
    }

    @Test
    void aSmallCacheThatEvictsStillGivesFreshCompilations() {
        check(EngineDialect.forName("postgresql"), StatementCache.ofSize(16), SEED + 1);
    }

    @Test
    void fixedSeedsStayGreen() {
        for (long seed : new long[] {1, 2, 42}) {
            check(EngineDialect.forName("sqlite"), StatementCache.ofSize(1_000), seed);
        }
    }

    private void check(EngineDialect dialect, StatementCache cache, long seed) {
        Random random = new Random(seed);
        for (int i = 0; i < STATEMENTS; i++) {
            long shapeSeed = random.nextInt(SHAPES);
            Gen gen = new Gen(new Random(shapeSeed), new Random(random.nextLong()));
            Select statement = gen.statement(0);
            CompiledStatement fresh;
            try {
                fresh = statement.compile(dialect);
            } catch (RuntimeException e) {
                continue; // a generated statement this dialect cannot compile (e.g. no FULL JOIN); nothing to compare
            }
            CompiledStatement cached = statement.compile(dialect, cache);
            String where = "seed " + seed + ", statement " + i + " (shape " + shapeSeed + "), " + dialect.name();
            assertThat(cached.sql()).as(where).isEqualTo(fresh.sql());
            assertThat(describe(cached.parameters()))
                    .as(where + ": " + fresh.sql())
                    .isEqualTo(describe(fresh.parameters()));
            assertThat(describeColumns(cached.columns())).as(where).isEqualTo(describeColumns(fresh.columns()));
        }
        if (cache.maxSize() >= 1_000) {
            assertThat(cache.hits()).as("most statements repeat a shape").isGreaterThan(STATEMENTS / 2);
        }
    }

    private static List<Object> describe(List<BoundParameter> parameters) {
        List<Object> list = new ArrayList<>();
        for (BoundParameter p : parameters) {
            list.add(Arrays.asList(
                    p.key(),
                    p.value(),
                    p.hasValue(),
                    p.binder() == null ? null : p.binder().getClass()));
        }
        return list;
    }

    private static @Nullable List<Object> describeColumns(@Nullable List<ResultColumn> columns) {
        if (columns == null) {
            return null;
        }
        List<Object> list = new ArrayList<>();
        for (ResultColumn c : columns) {
            list.add(Arrays.asList(
                    c.key(), c.reader() == null ? null : c.reader().getClass()));
        }
        return list;
    }

    /** Structure from one random, values from the other; a few values decide what is rendered. */
    final class Gen {
        final Random shape;
        final Random values;

        Gen(Random shape, Random values) {
            this.shape = shape;
            this.values = values;
        }

        @Nullable
        Integer intValue() {
            return values.nextInt(8) == 0 ? null : values.nextInt(10) - 2;
        }

        String pattern() {
            String[] parts = {"a", "b", "%", "_", "x"};
            StringBuilder s = new StringBuilder();
            for (int i = values.nextInt(4); i > 0; i--) {
                s.append(parts[values.nextInt(parts.length)]);
            }
            return s.toString();
        }

        Column<Object> intColumn(TableClause t) {
            return t == users ? users.c(shape.nextBoolean() ? "id" : "age") : addresses.c("user_id");
        }

        @SuppressWarnings({"unchecked", "rawtypes"})
        ColumnElement<Boolean> predicate(TableClause t, int depth) {
            int choice = depth >= 2 ? 3 + shape.nextInt(12) : shape.nextInt(15);
            Column<Object> n = intColumn(t);
            Column<Object> s = t == users ? users.c("name") : addresses.c("email");
            return switch (choice) {
                case 0 -> and(predicate(t, depth + 1), predicate(t, depth + 1));
                case 1 -> or(predicate(t, depth + 1), predicate(t, depth + 1));
                case 2 -> not(predicate(t, depth + 1));
                case 3 -> n.eq(intValue()); // NULL: IS NULL
                case 4 -> n.ne(intValue());
                case 5 -> {
                    Integer v = intValue();
                    yield v == null ? n.isNull() : shape.nextBoolean() ? n.lt(v) : n.ge(v);
                }
                case 6 -> n.between(values.nextInt(5), values.nextInt(5) + 5);
                case 7 -> {
                    List<Object> list = new ArrayList<>();
                    for (int i = values.nextInt(4); i > 0; i--) { // the length is a value: 0 to 3 items
                        list.add(values.nextInt(10));
                    }
                    yield shape.nextBoolean() ? n.in(list) : n.notIn(list);
                }
                case 8 ->
                    switch (shape.nextInt(4)) {
                        case 0 -> s.like(pattern());
                        case 1 -> s.startsWith(pattern());
                        case 2 -> s.contains(pattern());
                        default -> s.ilike(pattern());
                    };
                case 9 ->
                    n.in(select(addresses.c("user_id"))
                            .where(addresses.c("email").eq(pattern())));
                case 10 ->
                    exists(select(addresses.c("id"))
                            .where(
                                    addresses.c("user_id").eq(users.c("id")),
                                    addresses.c("email").ne(pattern())));
                case 11 -> ((ColumnElement) n.plus(values.nextInt(3))).gt(values.nextInt(9));
                case 12 ->
                    shape.nextBoolean()
                            ? text("1 = 1")
                            : literalColumn("2 > 1", SqlTypes.BOOLEAN).eq(values.nextBoolean());
                case 13 -> n.eq(bindparam("p", values.nextInt(5), SqlTypes.INTEGER));
                default -> users.c("active").eq(values.nextBoolean());
            };
        }

        @SuppressWarnings({"unchecked", "rawtypes"})
        Select statement(int depth) {
            List<ClauseElement> columns = new ArrayList<>();
            columns.add(users.c("id"));
            if (shape.nextBoolean()) {
                columns.add(users.c("name"));
            }
            if (shape.nextInt(4) == 0) {
                columns.add(func.coalesce(users.c("age"), values.nextInt(100)).label("age_or"));
            }
            if (shape.nextInt(5) == 0) {
                columns.add(case_(when(users.c("age").gt(values.nextInt(50)), "old"))
                        .else_(pattern().isEmpty() ? "y" : "young"));
            }
            if (shape.nextInt(6) == 0) {
                columns.add(users.c("age").plus(values.nextInt(4)));
            }
            Select s = Select.of(columns.toArray(ClauseElement[]::new));
            int joins = shape.nextInt(4);
            if (joins == 1) {
                s = s.join(addresses).where(predicate(addresses, 1));
            } else if (joins == 2) {
                TableClause a = addresses.alias();
                s = s.join(a, a.c("user_id").eq(users.c("id")))
                        .where(a.c("email").ne(pattern()));
            } else if (joins == 3) {
                Subquery sub = Select.of(addresses.c("user_id"))
                        .where(addresses.c("email").like(pattern()))
                        .subquery("sub");
                s = s.join(sub, sub.c("user_id").eq(users.c("id")));
            }
            for (int i = shape.nextInt(3); i > 0; i--) {
                s = s.where(predicate(users, 0));
            }
            if (shape.nextInt(5) == 0) {
                s = s.groupBy(users.c("id")).having(func.count().gt((long) values.nextInt(3)));
            }
            switch (shape.nextInt(5)) {
                case 0 -> s = s.orderBy(users.c("id"));
                case 1 -> s = s.orderBy(users.c("name").desc(), users.c("id").asc());
                case 2 -> s = s.orderBy(users.c("age").asc().nullsLast());
                default -> {}
            }
            switch (shape.nextInt(4)) {
                case 0 -> s = s.limit(1 + values.nextInt(20));
                case 1 -> s = s.limit(1 + values.nextInt(20)).offset(values.nextInt(40));
                case 2 -> s = values.nextBoolean() ? s.offset(values.nextInt(3)) : s;
                default -> {}
            }
            if (shape.nextInt(6) == 0) {
                s = s.distinct();
            }
            if (depth == 0 && shape.nextInt(6) == 0) {
                ForUpdate[] locks = {
                    forUpdate(),
                    forUpdate().noWait(),
                    forUpdate().skipLocked(),
                    forUpdate().ofShare()
                };
                s = s.withForUpdate(locks[shape.nextInt(locks.length)]);
            }
            return s;
        }
    }
}
