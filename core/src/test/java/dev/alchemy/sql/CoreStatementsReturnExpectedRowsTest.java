package dev.alchemy.sql;

import static dev.alchemy.Alchemy.and;
import static dev.alchemy.Alchemy.case_;
import static dev.alchemy.Alchemy.cast;
import static dev.alchemy.Alchemy.delete;
import static dev.alchemy.Alchemy.except;
import static dev.alchemy.Alchemy.exists;
import static dev.alchemy.Alchemy.false_;
import static dev.alchemy.Alchemy.func;
import static dev.alchemy.Alchemy.insert;
import static dev.alchemy.Alchemy.intersect;
import static dev.alchemy.Alchemy.literal;
import static dev.alchemy.Alchemy.literalColumn;
import static dev.alchemy.Alchemy.not;
import static dev.alchemy.Alchemy.notExists;
import static dev.alchemy.Alchemy.or;
import static dev.alchemy.Alchemy.select;
import static dev.alchemy.Alchemy.text;
import static dev.alchemy.Alchemy.true_;
import static dev.alchemy.Alchemy.union;
import static dev.alchemy.Alchemy.unionAll;
import static dev.alchemy.Alchemy.update;
import static dev.alchemy.Alchemy.when;
import static dev.alchemy.sql.CoreFixture.row;
import static dev.alchemy.types.SqlTypes.INTEGER;
import static dev.alchemy.types.SqlTypes.VARCHAR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.alchemy.engine.Connection;
import dev.alchemy.engine.Engine;
import dev.alchemy.engine.Executable;
import dev.alchemy.engine.Result;
import dev.alchemy.engine.Row;
import dev.alchemy.schema.Column;
import dev.alchemy.schema.Table;
import dev.alchemy.testing.OnDatabases;
import dev.alchemy.testing.TestDatabase;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.assertj.core.groups.Tuple;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;

/**
 * Every construct of the expression language runs on SQLite and PostgreSQL and returns the expected rows, in the
 * columns' Java types, from the fixture of {@link CoreFixture#createAndFill}. Statements that change data run in a
 * transaction that is rolled back, so the fixture is created once per database (one test instance per database).
 */
@OnDatabases
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CoreStatementsReturnExpectedRowsTest {

    @Parameter
    TestDatabase db;

    Engine engine;
    final CoreFixture f = new CoreFixture();
    final Table users = f.users;
    final Table addresses = f.addresses;
    final Table nodes = f.nodes;

    @BeforeParameterizedClassInvocation
    void createFixture() {
        engine = db.createEngine();
        f.createAndFill(engine);
    }

    @AfterParameterizedClassInvocation
    void dropFixture() {
        db.reset();
    }

    List<Tuple> rows(Executable statement) {
        try (Connection conn = engine.connect()) {
            return tuples(conn.execute(statement));
        }
    }

    static List<Tuple> tuples(Result result) {
        List<Tuple> list = new ArrayList<>();
        for (Row r : result) {
            Object[] values = new Object[r.size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = r.get(i);
            }
            list.add(new Tuple(values));
        }
        return list;
    }

    List<@Nullable Object> scalars(Executable statement) {
        try (Connection conn = engine.connect()) {
            return conn.execute(statement).scalars();
        }
    }

    List<@Nullable Object> names(ColumnElement<Boolean> condition) {
        return scalars(select(users.c("name")).where(condition).orderBy(users.c("id")));
    }

    // ---- selecting and WHERE ----

    @Test
    void selectOfATableReturnsItsRowsInTheirJavaTypes() {
        try (Connection conn = engine.connect()) {
            Result result = conn.execute(select(users).orderBy(users.c("id")));
            assertThat(result.keys()).containsExactly("id", "name", "email", "age");
            List<Row> all = result.all();
            assertThat(tuples(conn.execute(select(users).orderBy(users.c("id")))))
                    .containsExactly(
                            tuple(1, "Alice", "alice@example.com", 30),
                            tuple(2, "Bob", "bob@example.com", 17),
                            tuple(3, "Carol", null, 70),
                            tuple(4, "dave", "dave@example.org", null));
            assertThat(all.get(0).get("id")).isInstanceOf(Integer.class);
        }
    }

    @Test
    void comparisons() {
        assertThat(names(users.c("name").eq("Bob"))).containsExactly("Bob");
        assertThat(names(users.c("name").ne("Bob"))).containsExactly("Alice", "Carol", "dave");
        assertThat(names(users.c("age").lt(30))).containsExactly("Bob");
        assertThat(names(users.c("age").le(30))).containsExactly("Alice", "Bob");
        assertThat(names(users.c("age").gt(30))).containsExactly("Carol");
        assertThat(names(users.c("age").ge(30))).containsExactly("Alice", "Carol");
        assertThat(names(users.c("email").eq(null))).containsExactly("Carol");
        assertThat(names(users.c("email").isNotNull())).containsExactly("Alice", "Bob", "dave");
        assertThat(names(users.c("age").between(17, 30))).containsExactly("Alice", "Bob");
        assertThat(names(users.c("age").notBetween(17, 30))).containsExactly("Carol");
        assertThat(names(users.c("id").eq(users.c("age")))).isEmpty();
    }

    @Test
    void likeFamily() {
        // (SQLite's LIKE ignores ASCII case, PostgreSQL's does not: these patterns mean the same on both)
        assertThat(names(users.c("name").like("%o%"))).containsExactly("Bob", "Carol");
        assertThat(names(users.c("name").ilike("%A%"))).containsExactly("Alice", "Carol", "dave");
        assertThat(names(users.c("name").notLike("%o%"))).containsExactly("Alice", "dave");
        assertThat(names(users.c("name").notIlike("%A%"))).containsExactly("Bob");
        assertThat(names(users.c("name").startsWith("Al"))).containsExactly("Alice");
        assertThat(names(users.c("email").endsWith(".org"))).containsExactly("dave");
        assertThat(names(users.c("email").contains("@example."))).containsExactly("Alice", "Bob", "dave");
        assertThat(names(not(users.c("name").contains("o")))).containsExactly("Alice", "dave");
    }

    @Test
    void autoescapeMatchesWildcardsLiterally() {
        assertThat(names(users.c("name").contains("%"))).containsExactly("Alice", "Bob", "Carol", "dave");
        assertThat(names(users.c("name").contains("%", true))).isEmpty();
        assertThat(names(users.c("email").contains("_", true))).isEmpty();
        assertThat(names(users.c("email").startsWith("ali", true))).containsExactly("Alice");
    }

    @Test
    void inLists() {
        assertThat(names(users.c("id").in(List.of(1, 3)))).containsExactly("Alice", "Carol");
        assertThat(names(users.c("id").notIn(List.of(1, 3)))).containsExactly("Bob", "dave");
        assertThat(names(users.c("id").in(List.of()))).isEmpty();
        assertThat(names(users.c("id").notIn(List.of()))).containsExactly("Alice", "Bob", "Carol", "dave");
        assertThat(names(users.c("id").in(select(addresses.c("user_id"))))).containsExactly("Alice", "Bob");
        assertThat(names(users.c("id").notIn(select(addresses.c("user_id"))))).containsExactly("Carol", "dave");
    }

    @Test
    void andOrNot() {
        assertThat(names(and(users.c("age").gt(10), users.c("age").lt(40)))).containsExactly("Alice", "Bob");
        assertThat(names(or(users.c("name").eq("Bob"), users.c("age").isNull())))
                .containsExactly("Bob", "dave");
        assertThat(names(not(or(users.c("name").eq("Bob"), users.c("age").isNull()))))
                .containsExactly("Alice", "Carol");
        assertThat(names(users.c("age")
                        .gt(10)
                        .and(users.c("name").eq("Bob").or(users.c("name").eq("Carol")))))
                .containsExactly("Bob", "Carol");
        assertThat(names(text("users.age > :age").bind("age", 20))).containsExactly("Alice", "Carol");
    }

    @Test
    void booleanColumnsAndConstants() {
        Column<Boolean> active = f.flags.c("active", Boolean.class);
        assertThat(scalars(select(f.flags.c("id")).where(active))).containsExactly(1);
        assertThat(scalars(select(f.flags.c("id")).where(not(active)))).containsExactly(2);
        assertThat(scalars(select(f.flags.c("id")).where(active.eq(false)))).containsExactly(2);
        assertThat(scalars(select(active).orderBy(f.flags.c("id")))).containsExactly(true, false, null);
        assertThat(scalars(select(f.flags.c("id")).where(true_()).orderBy(f.flags.c("id"))))
                .containsExactly(1, 2, 3);
        assertThat(scalars(select(f.flags.c("id")).where(false_()))).isEmpty();
    }

    // ---- arithmetic, functions, CASE, CAST, literals ----

    @Test
    void arithmeticAndConcatenation() {
        assertThat(rows(select(
                                users.c("age").plus(1),
                                users.c("age").minus(2),
                                users.c("age").times(3),
                                users.c("age").div(4),
                                users.c("age").mod(7))
                        .where(users.c("id").eq(1))))
                .containsExactly(tuple(31, 28, 90, 7, 2));
        assertThat(scalars(
                        select(users.c("name").plus(" <").plus(users.c("email")).concat(">"))
                                .where(users.c("id").eq(2))))
                .containsExactly("Bob <bob@example.com>");
    }

    @Test
    void aggregatesAreTyped() {
        try (Connection conn = engine.connect()) {
            Row r = conn.execute(select(
                                    func.count(),
                                    func.count(users.c("email")),
                                    func.sum(users.c("age")),
                                    func.avg(users.c("age")),
                                    func.min(users.c("age")),
                                    func.max(users.c("name")))
                            .selectFrom(users))
                    .one();
            assertThat(r.keys()).containsExactly("count_1", "count_2", "sum_1", "avg_1", "min_1", "max_1");
            assertThat(r.get("count_1")).isEqualTo(4L);
            assertThat(r.get("count_2")).isEqualTo(3L);
            assertThat(r.get("sum_1")).isEqualTo(117);
            assertThat(r.get("avg_1")).isEqualTo(39.0);
            assertThat(r.get("min_1")).isEqualTo(17);
            assertThat(r.get("max_1")).isEqualTo("dave");
        }
    }

    @Test
    void stringFunctions() {
        assertThat(rows(select(
                                func.coalesce(users.c("email"), "none"),
                                func.lower(users.c("name")),
                                func.upper(users.c("name")),
                                func.length(users.c("name")))
                        .where(users.c("id").eq(3))))
                .containsExactly(tuple("none", "carol", "CAROL", 5));
    }

    @Test
    void nowIsATimestampWithItsOffset() {
        assertThat(scalars(select(func.now())).get(0)).isInstanceOf(OffsetDateTime.class);
        assertThat(scalars(select(func.currentTimestamp())).get(0)).isInstanceOf(OffsetDateTime.class);
        assertThat(scalars(select(func.currentDate())).get(0)).isInstanceOf(LocalDate.class);
    }

    @Test
    void caseAndCast() {
        assertThat(scalars(select(case_(
                                        when(users.c("age").lt(18), "minor"),
                                        when(users.c("age").lt(65), "adult"))
                                .else_("senior"))
                        .orderBy(users.c("id"))))
                .containsExactly("adult", "minor", "senior", "senior");
        assertThat(scalars(select(case_(users.c("id"))
                                .when(1, "one")
                                .when(2, "two")
                                .else_("many"))
                        .orderBy(users.c("id"))))
                .containsExactly("one", "two", "many", "many");
        assertThat(rows(select(cast(users.c("age"), VARCHAR), cast(literal("42"), INTEGER))
                        .where(users.c("id").eq(1))))
                .containsExactly(tuple("30", 42));
    }

    @Test
    void literals() {
        assertThat(rows(select(literal("x"), literal(1), literal(true), literalColumn("2"))))
                .hasSize(1);
        Row r;
        try (Connection conn = engine.connect()) {
            r = conn.execute(select(literal("x"), literal(1), literal(true))).one();
        }
        assertThat(r.keys()).containsExactly("anon_1", "anon_2", "anon_3");
        assertThat(r.get("anon_1")).isEqualTo("x");
        assertThat(r.get("anon_2")).isEqualTo(1);
        assertThat(r.get("anon_3")).isEqualTo(true);
    }

    // ---- joins, grouping, ordering, paging ----

    @Test
    void joins() {
        assertThat(rows(select(users.c("name"), addresses.c("email_address"))
                        .join(addresses)
                        .orderBy(addresses.c("id"))))
                .containsExactly(
                        tuple("Alice", "alice@home.org"),
                        tuple("Alice", "alice@work.com"),
                        tuple("Bob", "bob@home.org"));
        assertThat(rows(select(users.c("name"), addresses.c("email_address"))
                        .outerJoin(addresses)
                        .orderBy(users.c("id"), addresses.c("id"))))
                .containsExactly(
                        tuple("Alice", "alice@home.org"),
                        tuple("Alice", "alice@work.com"),
                        tuple("Bob", "bob@home.org"),
                        tuple("Carol", null),
                        tuple("dave", null));
        Select full = select(users.c("name"), addresses.c("email_address"))
                .fullOuterJoin(addresses)
                .orderBy(users.c("id"), addresses.c("id"));
        if (db.isMariadb()) {
            // MySQL and MariaDB have no FULL OUTER JOIN; as SQLAlchemy, Alchemy writes it and the server refuses it
            assertThatThrownBy(() -> rows(full)).isInstanceOf(dev.alchemy.exc.ProgrammingError.class);
        } else {
            assertThat(rows(full)).hasSize(5);
        }
        assertThat(scalars(select(users.c("name"))
                        .selectFrom(addresses.join(users))
                        .where(addresses.c("email_address").like("%work%"))))
                .containsExactly("Alice");
    }

    @Test
    void selfJoinThroughAliases() {
        TableClause child = nodes.alias("child");
        TableClause parent = nodes.alias("parent");
        assertThat(rows(select(child.c("id"), parent.c("id"))
                        .joinFrom(child, parent, child.c("parent_id").eq(parent.c("id")))
                        .orderBy(child.c("id"))))
                .containsExactly(tuple(2, 1), tuple(3, 1), tuple(4, 2));
    }

    @Test
    void groupByHaving() {
        try (Connection conn = engine.connect()) {
            Result result = conn.execute(select(users.c("name"), func.count(addresses.c("id")))
                    .join(addresses)
                    .groupBy(users.c("name"))
                    .having(func.count(addresses.c("id")).gt(1L)));
            assertThat(result.keys()).containsExactly("name", "count_1");
            assertThat(tuples(result)).containsExactly(tuple("Alice", 2L));
        }
    }

    @Test
    void windowFunctions() {
        assertThat(rows(select(
                                addresses.c("id"),
                                func.rowNumber()
                                        .over()
                                        .partitionBy(addresses.c("user_id"))
                                        .orderBy(addresses.c("id").desc()),
                                func.count().over().partitionBy(addresses.c("user_id")))
                        .orderBy(addresses.c("id"))))
                .containsExactly(tuple(1, 2L, 2L), tuple(2, 1L, 2L), tuple(3, 1L, 1L));
        assertThat(scalars(select(func.sum(users.c("age")).over().orderBy(users.c("id")))
                        .where(users.c("age").isNotNull())
                        .orderBy(users.c("id"))))
                .containsExactly(30, 47, 117);
    }

    @Test
    void orderingWithNulls() {
        if (db.isMariadb()) {
            // MySQL and MariaDB have no NULLS FIRST/LAST (NULL sorts first ascending, last descending); as SQLAlchemy,
            // Alchemy writes it and the server refuses it
            assertThatThrownBy(() -> scalars(select(users.c("name"))
                            .orderBy(users.c("age").desc().nullsLast())))
                    .isInstanceOf(dev.alchemy.exc.ProgrammingError.class)
                    .hasMessageContaining("NULLS LAST");
            assertThat(scalars(select(users.c("name")).orderBy(users.c("age").desc())))
                    .containsExactly("Carol", "Alice", "Bob", "dave");
            assertThat(scalars(select(users.c("name")).orderBy(users.c("age").asc())))
                    .containsExactly("dave", "Bob", "Alice", "Carol");
            return;
        }
        assertThat(scalars(select(users.c("name")).orderBy(users.c("age").desc().nullsLast())))
                .containsExactly("Carol", "Alice", "Bob", "dave");
        assertThat(scalars(select(users.c("name")).orderBy(users.c("age").asc().nullsFirst())))
                .containsExactly("dave", "Bob", "Alice", "Carol");
        assertThat(scalars(select(users.c("name")).orderBy(users.c("email").nullsFirst(), users.c("id"))))
                .first()
                .isEqualTo("Carol");
    }

    @Test
    void limitOffsetAndDistinct() {
        assertThat(scalars(select(users.c("name")).orderBy(users.c("id")).limit(2)))
                .containsExactly("Alice", "Bob");
        assertThat(scalars(
                        select(users.c("name")).orderBy(users.c("id")).limit(2).offset(1)))
                .containsExactly("Bob", "Carol");
        assertThat(scalars(select(users.c("name")).orderBy(users.c("id")).offset(3)))
                .containsExactly("dave");
        assertThat(scalars(select(addresses.c("user_id")).distinct().orderBy(addresses.c("user_id"))))
                .containsExactly(1, 2);
        assertThat(scalars(select(func.count(addresses.c("user_id").distinct()))))
                .containsExactly(2L);
    }

    // ---- subqueries, EXISTS, set operations, CTEs ----

    @Test
    void correlatedScalarSubquery() {
        ColumnElement<Long> count = select(func.count(addresses.c("id")))
                .where(addresses.c("user_id").eq(users.c("id")))
                .scalarSubquery();
        assertThat(rows(select(users.c("name"), count.label("n")).orderBy(users.c("id"))))
                .containsExactly(tuple("Alice", 2L), tuple("Bob", 1L), tuple("Carol", 0L), tuple("dave", 0L));
        assertThat(names(users.c("age").gt(select(func.avg(users.c("age"))).scalarSubquery())))
                .containsExactly("Carol");
    }

    @Test
    void subqueryInFrom() {
        Subquery counts = select(addresses.c("user_id"), func.count().label("cnt"))
                .groupBy(addresses.c("user_id"))
                .subquery("ac");
        assertThat(rows(select(users.c("name"), counts.c("cnt"))
                        .join(counts, users.c("id").eq(counts.c("user_id")))
                        .orderBy(users.c("id"))))
                .containsExactly(tuple("Alice", 2L), tuple("Bob", 1L));
        assertThat(scalars(select(func.count()).selectFrom(select(users).subquery())))
                .containsExactly(4L);
    }

    @Test
    void existsAndNotExists() {
        assertThat(names(exists().where(addresses.c("user_id").eq(users.c("id")))))
                .containsExactly("Alice", "Bob");
        assertThat(names(notExists(
                        select(addresses.c("id")).where(addresses.c("user_id").eq(users.c("id"))))))
                .containsExactly("Carol", "dave");
        assertThat(scalars(select(exists().where(users.c("name").eq("Bob"))))).containsExactly(true);
    }

    @Test
    void setOperations() {
        Select young = select(users.c("id")).where(users.c("age").lt(31));
        Select withAddress = select(addresses.c("user_id"));
        assertThat(scalars(union(young, withAddress).orderBy(users.c("id")))).containsExactly(1, 2);
        assertThat(scalars(unionAll(young, withAddress).orderBy(users.c("id")))).containsExactly(1, 1, 1, 2, 2);
        assertThat(scalars(intersect(select(users.c("id")), withAddress).orderBy(users.c("id"))))
                .containsExactly(1, 2);
        assertThat(scalars(except(select(users.c("id")), withAddress).orderBy(users.c("id"))))
                .containsExactly(3, 4);
        assertThat(scalars(union(
                                select(users.c("id")).orderBy(users.c("id")).limit(1),
                                select(users.c("id"))
                                        .orderBy(users.c("id").desc())
                                        .limit(1))
                        .orderBy(users.c("id"))))
                .containsExactly(1, 4);
        assertThat(scalars(union(select(users.c("id")), except(select(users.c("id")), withAddress))
                        .orderBy(users.c("id"))
                        .limit(2)
                        .offset(1)))
                .containsExactly(2, 3);
    }

    @Test
    void ctes() {
        Cte older = select(users.c("id"), users.c("name"))
                .where(users.c("age").gt(20))
                .cte("older");
        assertThat(scalars(select(older.c("name")).where(older.c("id").gt(1)))).containsExactly("Carol");
        Cte base = select(nodes.c("id"), nodes.c("parent_id"))
                .where(nodes.c("id").eq(1))
                .recursiveCte("tree");
        Cte tree = base.unionAll(select(nodes.c("id"), nodes.c("parent_id"))
                .join(base, nodes.c("parent_id").eq(base.c("id"))));
        assertThat(scalars(select(tree.c("id")).orderBy(tree.c("id")))).containsExactly(1, 2, 3, 4);
    }

    // ---- INSERT, UPDATE, DELETE, upserts (each rolled back) ----

    @Test
    void insertForms() {
        try (Connection conn = engine.connect()) {
            Row inserted = conn.execute(insert(users)
                            .values(Map.of("id", 10, "name", "Eve"))
                            .returning(users.c("id"), users.c("name")))
                    .one();
            assertThat(inserted.keys()).containsExactly("id", "name");
            assertThat(inserted.get("id")).isEqualTo(10);
            assertThat(conn.execute(insert(users)
                                    .values(List.of(row("id", 11, "name", "F"), row("id", 12, "name", "G"))))
                            .rowcount())
                    .isEqualTo(2);
            assertThat(conn.execute(insert(addresses)
                                    .fromSelect(
                                            List.of("user_id", "email_address"),
                                            select(users.c("id"), users.c("email"))
                                                    .where(users.c("email").isNotNull())))
                            .rowcount())
                    .isEqualTo(3);
            assertThat(conn.execute(select(func.count()).selectFrom(addresses)).scalar())
                    .isEqualTo(6L);
            conn.execute(
                    insert(users).parameters("id", "name"),
                    List.of(Map.of("id", 13, "name", "H"), Map.of("id", 14, "name", "I")));
            assertThat(conn.execute(select(func.count()).selectFrom(users)).scalar())
                    .isEqualTo(9L);
        }
        assertThat(scalars(select(func.count()).selectFrom(users))).containsExactly(4L);
    }

    @Test
    void updateForms() {
        try (Connection conn = engine.connect()) {
            assertThat(conn.execute(update(users)
                                    .values(Map.of("age", users.c("age").plus(1))))
                            .rowcount())
                    .isEqualTo(4);
            assertThat(conn.execute(select(users.c("age")).orderBy(users.c("id")))
                            .scalars())
                    .containsExactly(31, 18, 71, null);
            conn.execute(update(users)
                    .values(Map.of(
                            "age",
                            select(func.count(addresses.c("id")))
                                    .where(addresses.c("user_id").eq(users.c("id")))
                                    .scalarSubquery())));
            assertThat(conn.execute(select(users.c("age")).orderBy(users.c("id")))
                            .scalars())
                    .containsExactly(2, 1, 0, 0);
            if (db.isMariadb()) {
                // MariaDB has RETURNING for INSERT and DELETE only: an UPDATE ... RETURNING does not compile
                assertThatThrownBy(() -> conn.execute(update(users)
                                .where(users.c("id").eq(2))
                                .values(Map.of("name", "Robert"))
                                .returning(users.c("id"))))
                        .isInstanceOf(dev.alchemy.exc.CompileError.class)
                        .hasMessageContaining("RETURNING");
                return;
            }
            Row r = conn.execute(update(users)
                            .where(users.c("id").eq(addresses.c("user_id")))
                            .where(addresses.c("email_address").eq("bob@home.org"))
                            .values(Map.of("name", "Robert"))
                            .returning(users.c("id"), users.c("name")))
                    .one();
            assertThat(r.get("id")).isEqualTo(2);
            assertThat(r.get("name")).isEqualTo("Robert");
        }
        assertThat(names(users.c("name").eq("Robert"))).isEmpty();
    }

    @Test
    void deleteForms() {
        try (Connection conn = engine.connect()) {
            assertThat(conn.execute(delete(addresses)
                                    .where(addresses.c("user_id").eq(1))
                                    .returning(addresses.c("id")))
                            .scalars())
                    .containsExactlyInAnyOrder(1, 2);
            assertThat(conn.execute(delete(addresses)).rowcount()).isEqualTo(1);
        }
        assertThat(scalars(select(func.count()).selectFrom(addresses))).containsExactly(3L);
    }

    @Test
    void upserts() {
        try (Connection conn = engine.connect()) {
            Insert bob = insert(users).values(Map.of("id", 2, "name", "Bobby", "email", "bobby@example.com"));
            if (db.isMariadb()) {
                upsertsOnMariadb(conn, bob);
                return;
            }
            assertThat(conn.execute(bob.onConflictDoNothing("id")).rowcount()).isZero();
            assertThat(conn.execute(bob.onConflictDoNothing()).rowcount()).isZero();
            conn.execute(bob.onConflictDoUpdate(List.of("id"), Map.of("name", bob.excluded("name"))));
            assertThat(conn.execute(select(users.c("name"), users.c("email"))
                                    .where(users.c("id").eq(2)))
                            .all())
                    .extracting(r -> tuple(r.get(0), r.get(1)))
                    .containsExactly(tuple("Bobby", "bob@example.com"));
            Row returned = conn.execute(bob.onConflictDoUpdate(
                                    List.of("id"),
                                    Map.of("age", users.c("age").plus(10)),
                                    users.c("age").lt(100))
                            .returning(users.c("age")))
                    .one();
            assertThat(returned.get("age")).isEqualTo(27);
            conn.execute(insert(users)
                    .values(Map.of("id", 20, "name", "New"))
                    .onConflictDoUpdate(List.of("id"), Map.of("name", "unused")));
            assertThat(conn.execute(select(users.c("name")).where(users.c("id").eq(20)))
                            .scalar())
                    .isEqualTo("New");
        }
    }

    /**
     * MySQL's upsert, ON DUPLICATE KEY UPDATE, counts as MySQL does with the found-rows flag the drivers set (as
     * SQLAlchemy's MySQL dialects ask for it): 1 for a row inserted or found and left as it was, 2 for a row updated.
     * DO NOTHING needs a column to write {@code col = col}, and a conditional update does not compile.
     */
    private void upsertsOnMariadb(Connection conn, Insert bob) {
        assertThat(conn.execute(bob.onConflictDoNothing("id")).rowcount()).isOne();
        assertThatThrownBy(() -> conn.execute(bob.onConflictDoNothing()))
                .isInstanceOf(dev.alchemy.exc.CompileError.class)
                .hasMessageContaining("needs a column");
        assertThat(conn.execute(bob.onConflictDoUpdate(List.of("id"), Map.of("name", bob.excluded("name"))))
                        .rowcount())
                .isEqualTo(2);
        assertThat(conn.execute(select(users.c("name"), users.c("email"))
                                .where(users.c("id").eq(2)))
                        .all())
                .extracting(r -> tuple(r.get(0), r.get(1)))
                .containsExactly(tuple("Bobby", "bob@example.com"));
        assertThatThrownBy(() -> conn.execute(bob.onConflictDoUpdate(
                        List.of("id"),
                        Map.of("age", users.c("age").plus(10)),
                        users.c("age").lt(100))))
                .isInstanceOf(dev.alchemy.exc.CompileError.class)
                .hasMessageContaining("cannot take a WHERE");
        Row returned = conn.execute(bob.onConflictDoUpdate(
                                List.of("id"), Map.of("age", users.c("age").plus(10)))
                        .returning(users.c("age")))
                .one();
        assertThat(returned.get("age")).isEqualTo(27);
        conn.execute(insert(users)
                .values(Map.of("id", 20, "name", "New"))
                .onConflictDoUpdate(List.of("id"), Map.of("name", "unused")));
        assertThat(conn.execute(select(users.c("name")).where(users.c("id").eq(20)))
                        .scalar())
                .isEqualTo("New");
    }

    @Test
    void upsertsNamingTheConstraintRunOnPostgresql() {
        Insert bob = insert(users).values(Map.of("id", 2, "name", "Robert", "email", "robert@example.com"));
        if (!db.isPostgresql()) { // SQLite and MySQL cannot name the constraint of an upsert
            try (Connection conn = engine.connect()) {
                assertThatThrownBy(() -> conn.execute(bob.onConstraintConflictDoNothing("users_pkey")))
                        .isInstanceOf(dev.alchemy.exc.CompileError.class);
            }
            return;
        }
        try (Connection conn = engine.connect()) {
            // PostgreSQL names a primary key <table>_pkey
            assertThat(conn.execute(bob.onConstraintConflictDoNothing("users_pkey"))
                            .rowcount())
                    .isZero();
            conn.execute(bob.onConstraintConflictDoUpdate("users_pkey", Map.of("name", bob.excluded("name")), null));
            assertThat(conn.execute(select(users.c("name"), users.c("email"))
                                    .where(users.c("id").eq(2)))
                            .all())
                    .extracting(r -> tuple(r.get(0), r.get(1)))
                    .containsExactly(tuple("Robert", "bob@example.com"));
            assertThatThrownBy(() -> conn.execute(bob.onConstraintConflictDoNothing("no_such_constraint")))
                    .isInstanceOf(dev.alchemy.exc.ProgrammingError.class)
                    .hasMessageContaining("no_such_constraint");
            conn.rollback();
        }
    }
}
