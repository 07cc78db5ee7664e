package dev.alchemy.sql;

import static dev.alchemy.Alchemy.and;
import static dev.alchemy.Alchemy.bindparam;
import static dev.alchemy.Alchemy.case_;
import static dev.alchemy.Alchemy.cast;
import static dev.alchemy.Alchemy.desc;
import static dev.alchemy.Alchemy.distinct;
import static dev.alchemy.Alchemy.except;
import static dev.alchemy.Alchemy.exists;
import static dev.alchemy.Alchemy.false_;
import static dev.alchemy.Alchemy.func;
import static dev.alchemy.Alchemy.intersect;
import static dev.alchemy.Alchemy.literal;
import static dev.alchemy.Alchemy.literalColumn;
import static dev.alchemy.Alchemy.not;
import static dev.alchemy.Alchemy.or;
import static dev.alchemy.Alchemy.select;
import static dev.alchemy.Alchemy.text;
import static dev.alchemy.Alchemy.true_;
import static dev.alchemy.Alchemy.union;
import static dev.alchemy.Alchemy.unionAll;
import static dev.alchemy.Alchemy.when;
import static dev.alchemy.sql.CoreFixture.params;
import static dev.alchemy.sql.CoreFixture.postgresql;
import static dev.alchemy.sql.CoreFixture.sqlite;
import static dev.alchemy.types.SqlTypes.BOOLEAN;
import static dev.alchemy.types.SqlTypes.INTEGER;
import static dev.alchemy.types.SqlTypes.VARCHAR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import dev.alchemy.engine.CompiledStatement;
import dev.alchemy.schema.Column;
import dev.alchemy.schema.MetaData;
import dev.alchemy.schema.Table;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * SELECT statements compile to the text SQLAlchemy produces (sqlalchemy-reference.md §2.1–2.15, 2.21, 2.22), in the
 * bound-parameter {@code ?} form on both SQLite and PostgreSQL. Deliberate differences are noted where they occur:
 * IN lists are expanded when compiled (SQLAlchemy's {@code render_postcompile} form), PostgreSQL's {@code '%'} is not
 * doubled (that is pyformat's escaping, which {@code ?} does not need), and {@code /} stays SQLAlchemy 1.4's plain
 * division.
 */
class SelectCompilesAsSqlalchemyTest {

    final CoreFixture f = new CoreFixture();
    final Table users = f.users;
    final Table addresses = f.addresses;
    final Table nodes = f.nodes;

    static void assertSql(ClauseElement statement, String expected) {
        assertThat(sqlite(statement).sql()).isEqualTo(expected);
        assertThat(postgresql(statement).sql()).isEqualTo(expected);
    }

    static void assertSql(ClauseElement statement, String expectedSqlite, String expectedPostgresql) {
        assertThat(sqlite(statement).sql()).isEqualTo(expectedSqlite);
        assertThat(postgresql(statement).sql()).isEqualTo(expectedPostgresql);
    }

    // ---- 2.1 basic SELECT and WHERE ----

    @Test
    void selectOfATableListsItsColumns() {
        assertSql(select(users), """
                SELECT users.id, users.name, users.email, users.age\s
                FROM users""");
        assertThat(select(users).toString())
                .isEqualTo("SELECT users.id, users.name, users.email, users.age \nFROM users");
    }

    @Test
    void selectOfColumns() {
        assertSql(select(users.c("id"), users.c("name")), """
                SELECT users.id, users.name\s
                FROM users""");
    }

    @Test
    void comparisonsBindTheirValueNamedAfterTheColumn() {
        Select eq = select(users.c("id")).where(users.c("name").eq("Alice"));
        assertSql(eq, """
                SELECT users.id\s
                FROM users\s
                WHERE users.name = ?""");
        assertThat(params(sqlite(eq))).containsExactly(entry("name_1", "Alice"));
        assertSql(select(users.c("id")).where(users.c("name").ne("Alice")), """
                SELECT users.id\s
                FROM users\s
                WHERE users.name != ?""");
        Select lt = select(users.c("id")).where(users.c("age").lt(30));
        assertSql(lt, """
                SELECT users.id\s
                FROM users\s
                WHERE users.age < ?""");
        assertThat(params(sqlite(lt))).containsExactly(entry("age_1", 30));
        assertThat(sqlite(select(users.c("id")).where(users.c("age").le(30))).sql())
                .endsWith("WHERE users.age <= ?");
        assertThat(sqlite(select(users.c("id")).where(users.c("age").gt(30))).sql())
                .endsWith("WHERE users.age > ?");
        assertThat(sqlite(select(users.c("id")).where(users.c("age").ge(30))).sql())
                .endsWith("WHERE users.age >= ?");
    }

    @Test
    void comparingWithNullIsIsNull() {
        assertSql(select(users.c("id")).where(users.c("name").eq(null)), """
                SELECT users.id\s
                FROM users\s
                WHERE users.name IS NULL""");
        assertSql(select(users.c("id")).where(users.c("name").ne(null)), """
                SELECT users.id\s
                FROM users\s
                WHERE users.name IS NOT NULL""");
    }

    @Test
    void twoWhereCallsAreJoinedWithAnd() {
        Select stmt = select(users.c("id"))
                .where(users.c("name").eq("a"))
                .where(users.c("age").gt(1));
        assertSql(stmt, """
                SELECT users.id\s
                FROM users\s
                WHERE users.name = ? AND users.age > ?""");
        assertThat(params(sqlite(stmt))).containsExactly(entry("name_1", "a"), entry("age_1", 1));
    }

    // ---- 2.2 LIKE family ----

    @Test
    void likeAndNotLike() {
        assertSql(select(users.c("id")).where(users.c("name").like("A%")), """
                SELECT users.id\s
                FROM users\s
                WHERE users.name LIKE ?""");
        assertSql(select(users.c("id")).where(users.c("name").notLike("A%")), """
                SELECT users.id\s
                FROM users\s
                WHERE users.name NOT LIKE ?""");
        // ~like
        assertSql(select(users.c("id")).where(not(users.c("name").like("A%"))), """
                SELECT users.id\s
                FROM users\s
                WHERE users.name NOT LIKE ?""");
        assertSql(select(users.c("id")).where(users.c("name").like("A/%%", '/')), """
                SELECT users.id\s
                FROM users\s
                WHERE users.name LIKE ? ESCAPE '/'""");
    }

    @Test
    void ilikeIsLowerLikeOnSqliteAndIlikeOnPostgresql() {
        Select stmt = select(users.c("id")).where(users.c("name").ilike("a%"));
        assertSql(stmt, """
                SELECT users.id\s
                FROM users\s
                WHERE lower(users.name) LIKE lower(?)""", """
                SELECT users.id\s
                FROM users\s
                WHERE users.name ILIKE ?""");
        assertThat(params(sqlite(stmt))).containsExactly(entry("name_1", "a%"));
        assertSql(select(users.c("id")).where(users.c("name").notIlike("a%")), """
                SELECT users.id\s
                FROM users\s
                WHERE lower(users.name) NOT LIKE lower(?)""", """
                SELECT users.id\s
                FROM users\s
                WHERE users.name NOT ILIKE ?""");
    }

    @Test
    void startsWithEndsWithAndContainsConcatenateWildcardsInParentheses() {
        Select starts = select(users.c("id")).where(users.c("name").startsWith("Al"));
        assertSql(starts, """
                SELECT users.id\s
                FROM users\s
                WHERE (users.name LIKE ? || '%')""");
        assertThat(params(sqlite(starts))).containsExactly(entry("name_1", "Al"));
        assertSql(select(users.c("id")).where(users.c("name").endsWith("ce")), """
                SELECT users.id\s
                FROM users\s
                WHERE (users.name LIKE '%' || ?)""");
        assertSql(select(users.c("id")).where(users.c("name").contains("li")), """
                SELECT users.id\s
                FROM users\s
                WHERE (users.name LIKE '%' || ? || '%')""");
        assertSql(select(users.c("id")).where(not(users.c("name").startsWith("a"))), """
                SELECT users.id\s
                FROM users\s
                WHERE (users.name NOT LIKE ? || '%')""");
    }

    @Test
    void autoescapeEscapesWildcardsWithASlash() {
        Select stmt = select(users.c("id")).where(users.c("name").startsWith("a%b_c", true));
        assertSql(stmt, """
                SELECT users.id\s
                FROM users\s
                WHERE (users.name LIKE ? || '%' ESCAPE '/')""");
        assertThat(params(sqlite(stmt))).containsExactly(entry("name_1", "a/%b/_c"));
        assertSql(select(users.c("id")).where(users.c("name").contains("a", true)), """
                SELECT users.id\s
                FROM users\s
                WHERE (users.name LIKE '%' || ? || '%' ESCAPE '/')""");
    }

    // ---- 2.3, 2.22 IN / NOT IN / BETWEEN / IS NULL ----

    @Test
    void inListBindsEachValue() {
        // SQLAlchemy renders IN (__[POSTCOMPILE_id_1]) and expands it at execution; we expand when compiling
        Select stmt = select(users.c("id")).where(users.c("id").in(List.of(1, 2, 3)));
        assertSql(stmt, """
                SELECT users.id\s
                FROM users\s
                WHERE users.id IN (?, ?, ?)""");
        assertThat(params(sqlite(stmt))).containsExactly(entry("id_1", 1), entry("id_2", 2), entry("id_3", 3));
        assertSql(select(users.c("id")).where(users.c("id").notIn(List.of(1, 2, 3))), """
                SELECT users.id\s
                FROM users\s
                WHERE (users.id NOT IN (?, ?, ?))""");
        assertSql(select(users.c("id")).where(not(users.c("id").in(List.of(1, 2, 3)))), """
                SELECT users.id\s
                FROM users\s
                WHERE (users.id NOT IN (?, ?, ?))""");
        assertSql(select(users.c("id")).where(users.c("name").in(List.of("a", "b"))), """
                SELECT users.id\s
                FROM users\s
                WHERE users.name IN (?, ?)""");
    }

    @Test
    void emptyInIsWrittenAsEachDialectWritesIt() {
        assertSql(select(users.c("id")).where(users.c("id").in(List.of())), """
                SELECT users.id\s
                FROM users\s
                WHERE users.id IN (SELECT 1 FROM (SELECT 1) WHERE 1!=1)""", """
                SELECT users.id\s
                FROM users\s
                WHERE users.id IN (NULL) AND (1 != 1)""");
        assertSql(select(users.c("id")).where(users.c("id").notIn(List.of())), """
                SELECT users.id\s
                FROM users\s
                WHERE (users.id NOT IN (SELECT 1 FROM (SELECT 1) WHERE 1!=1))""", """
                SELECT users.id\s
                FROM users\s
                WHERE (users.id NOT IN (NULL) OR (1 = 1))""");
    }

    @Test
    void inSubquery() {
        assertSql(select(users.c("id")).where(users.c("id").in(select(addresses.c("user_id")))), """
                SELECT users.id\s
                FROM users\s
                WHERE users.id IN (SELECT addresses.user_id\s
                FROM addresses)""");
        Select filtered = select(users.c("id"))
                .where(users.c("id")
                        .in(select(addresses.c("user_id"))
                                .where(addresses.c("email_address").like("%@x.com"))));
        assertSql(filtered, """
                SELECT users.id\s
                FROM users\s
                WHERE users.id IN (SELECT addresses.user_id\s
                FROM addresses\s
                WHERE addresses.email_address LIKE ?)""");
        assertThat(params(sqlite(filtered))).containsExactly(entry("email_address_1", "%@x.com"));
    }

    @Test
    void betweenAndIsNull() {
        Select between = select(users.c("id")).where(users.c("age").between(18, 65));
        assertSql(between, """
                SELECT users.id\s
                FROM users\s
                WHERE users.age BETWEEN ? AND ?""");
        assertThat(params(sqlite(between))).containsExactly(entry("age_1", 18), entry("age_2", 65));
        assertSql(select(users.c("id")).where(not(users.c("age").between(1, 2))), """
                SELECT users.id\s
                FROM users\s
                WHERE users.age NOT BETWEEN ? AND ?""");
        assertSql(select(users.c("id")).where(users.c("email").isNull()), """
                SELECT users.id\s
                FROM users\s
                WHERE users.email IS NULL""");
        assertSql(select(users.c("id")).where(users.c("email").isNotNull()), """
                SELECT users.id\s
                FROM users\s
                WHERE users.email IS NOT NULL""");
    }

    // ---- 2.4 arithmetic and concatenation ----

    @Test
    void arithmeticIsLabelledAnon() {
        // SQLAlchemy 1.4's plain "/" (2.0 writes "/ (? + 0.0)" for integers): integers divide as in Java
        Select stmt = select(
                users.c("age").plus(1),
                users.c("age").minus(2),
                users.c("age").times(3),
                users.c("age").div(4),
                users.c("age").mod(5));
        assertSql(stmt, """
                SELECT users.age + ? AS anon_1, users.age - ? AS anon_2, users.age * ? AS anon_3, \
                users.age / ? AS anon_4, users.age % ? AS anon_5\s
                FROM users""");
        assertThat(params(sqlite(stmt)))
                .containsExactly(
                        entry("age_1", 1), entry("age_2", 2), entry("age_3", 3), entry("age_4", 4), entry("age_5", 5));
        assertSql(select(users.c("age").plus(users.c("id")), users.c("age").div(users.c("id"))), """
                SELECT users.age + users.id AS anon_1, users.age / users.id AS anon_2\s
                FROM users""");
    }

    @Test
    void operandsAreParenthesisedByPrecedence() {
        assertSql(select(users.c("age").plus(1).times(2), users.c("age").plus(1).plus(2)), """
                SELECT (users.age + ?) * ? AS anon_1, users.age + ? + ? AS anon_2\s
                FROM users""");
        assertSql(select(users.c("id")).where(users.c("age").minus(1).minus(2).gt(0)), """
                SELECT users.id\s
                FROM users\s
                WHERE (users.age - ?) - ? > ?""");
    }

    @Test
    void plusOfStringsConcatenates() {
        Select stmt = select(users.c("name").plus(" ").plus(users.c("email")));
        assertSql(stmt, """
                SELECT users.name || ? || users.email AS anon_1\s
                FROM users""");
        assertThat(params(sqlite(stmt))).containsExactly(entry("name_1", " "));
        assertSql(select(users.c("name").concat(users.c("email"))), """
                SELECT users.name || users.email AS anon_1\s
                FROM users""");
        assertSql(select(func.concat(users.c("name"), users.c("email"))), """
                SELECT concat(users.name, users.email) AS concat_1\s
                FROM users""");
    }

    // ---- 2.5 and / or / not ----

    @Test
    void andOrNot() {
        assertSql(
                select(users.c("id"))
                        .where(and(users.c("name").eq("a"), users.c("age").gt(1))),
                """
                SELECT users.id\s
                FROM users\s
                WHERE users.name = ? AND users.age > ?""");
        Select or = select(users.c("id"))
                .where(or(users.c("name").eq("a"), users.c("name").eq("b")));
        assertSql(or, """
                SELECT users.id\s
                FROM users\s
                WHERE users.name = ? OR users.name = ?""");
        assertThat(params(sqlite(or))).containsExactly(entry("name_1", "a"), entry("name_2", "b"));
        assertSql(select(users.c("id")).where(not(users.c("name").eq("a"))), """
                SELECT users.id\s
                FROM users\s
                WHERE users.name != ?""");
        assertSql(select(users.c("id")).where(not(users.c("age").gt(2))), """
                SELECT users.id\s
                FROM users\s
                WHERE users.age <= ?""");
        assertSql(
                select(users.c("id"))
                        .where(not(and(users.c("name").eq("a"), users.c("age").gt(1)))),
                """
                SELECT users.id\s
                FROM users\s
                WHERE NOT (users.name = ? AND users.age > ?)""");
    }

    @Test
    void orInsideAndIsParenthesisedButAndInsideOrIsNot() {
        assertSql(
                select(users.c("id"))
                        .where(and(
                                users.c("age").gt(1),
                                or(users.c("name").eq("a"), users.c("name").eq("b")))),
                """
                SELECT users.id\s
                FROM users\s
                WHERE users.age > ? AND (users.name = ? OR users.name = ?)""");
        Select mixed = select(users.c("id"))
                .where(users.c("age")
                        .gt(1)
                        .and(users.c("name").eq("a").or(not(users.c("email").eq("x")))));
        assertSql(mixed, """
                SELECT users.id\s
                FROM users\s
                WHERE users.age > ? AND (users.name = ? OR users.email != ?)""");
        assertThat(params(sqlite(mixed)))
                .containsExactly(entry("age_1", 1), entry("name_1", "a"), entry("email_1", "x"));
        assertSql(
                select(users.c("id"))
                        .where(or(
                                and(users.c("id").eq(1), users.c("id").eq(2)),
                                users.c("id").eq(3))),
                """
                SELECT users.id\s
                FROM users\s
                WHERE users.id = ? AND users.id = ? OR users.id = ?""");
    }

    // ---- 2.6 joins ----

    @Test
    void joinsInferTheirOnClauseFromTheForeignKey() {
        String inner = """
                SELECT users.name, addresses.email_address\s
                FROM users JOIN addresses ON users.id = addresses.user_id""";
        assertSql(select(users.c("name"), addresses.c("email_address")).joinFrom(users, addresses), inner);
        assertSql(select(users.c("name"), addresses.c("email_address")).join(addresses), inner);
        assertSql(
                select(users.c("name"), addresses.c("email_address"))
                        .join(addresses, users.c("id").eq(addresses.c("user_id"))),
                inner);
        assertSql(select(users.c("name"), addresses.c("email_address")).outerJoin(addresses), """
                SELECT users.name, addresses.email_address\s
                FROM users LEFT OUTER JOIN addresses ON users.id = addresses.user_id""");
        assertSql(select(users.c("name"), addresses.c("email_address")).fullOuterJoin(addresses), """
                SELECT users.name, addresses.email_address\s
                FROM users FULL OUTER JOIN addresses ON users.id = addresses.user_id""");
        assertSql(select(users.c("name")).selectFrom(users.join(addresses)), """
                SELECT users.name\s
                FROM users JOIN addresses ON users.id = addresses.user_id""");
    }

    @Test
    void aJoinFromTheReferringSideWritesTheReferredColumnFirst() {
        assertSql(select(addresses.c("email_address")).selectFrom(addresses.join(users)), """
                SELECT addresses.email_address\s
                FROM addresses JOIN users ON users.id = addresses.user_id""");
    }

    @Test
    void explicitSelectFromComesFirstAsInSqlalchemy20() {
        assertSql(select(addresses.c("id")).selectFrom(users), """
                SELECT addresses.id\s
                FROM users, addresses""");
    }

    // ---- 2.7 GROUP BY / HAVING and functions ----

    @Test
    void groupByHavingNumbersTheHavingParameterAfterTheLabel() {
        Select stmt = select(users.c("name"), func.count(addresses.c("id")))
                .join(addresses)
                .groupBy(users.c("name"))
                .having(func.count(addresses.c("id")).gt(1L));
        assertSql(stmt, """
                SELECT users.name, count(addresses.id) AS count_1\s
                FROM users JOIN addresses ON users.id = addresses.user_id GROUP BY users.name\s
                HAVING count(addresses.id) > ?""");
        assertThat(params(sqlite(stmt))).containsExactly(entry("count_2", 1L));
    }

    @Test
    void countForms() {
        assertSql(select(func.count(users.c("id"))), """
                SELECT count(users.id) AS count_1\s
                FROM users""");
        assertSql(select(func.count()).selectFrom(users), """
                SELECT count(*) AS count_1\s
                FROM users""");
        assertSql(select(func.count(literalColumn("*"))).selectFrom(users), """
                SELECT count(*) AS count_1\s
                FROM users""");
        assertSql(select(func.count()).selectFrom(select(users).subquery()), """
                SELECT count(*) AS count_1\s
                FROM (SELECT users.id AS id, users.name AS name, users.email AS email, users.age AS age\s
                FROM users) AS anon_1""");
        assertSql(select(func.count(users.c("id")), func.count(users.c("name")), func.max(users.c("id"))), """
                SELECT count(users.id) AS count_1, count(users.name) AS count_2, max(users.id) AS max_1\s
                FROM users""");
    }

    @Test
    void aggregateAndStringFunctions() {
        assertSql(
                select(
                        func.sum(users.c("age")),
                        func.avg(users.c("age")),
                        func.min(users.c("age")),
                        func.max(users.c("age"))),
                """
                SELECT sum(users.age) AS sum_1, avg(users.age) AS avg_1, min(users.age) AS min_1, max(users.age) AS max_1\s
                FROM users""");
        Select stmt = select(
                func.coalesce(users.c("name"), "x"),
                func.lower(users.c("name")),
                func.upper(users.c("name")),
                func.length(users.c("name")));
        assertSql(stmt, """
                SELECT coalesce(users.name, ?) AS coalesce_1, lower(users.name) AS lower_1, \
                upper(users.name) AS upper_1, length(users.name) AS length_1\s
                FROM users""");
        assertThat(params(sqlite(stmt))).containsExactly(entry("coalesce_2", "x"));
    }

    @Test
    void nowIsCurrentTimestampOnSqlite() {
        assertSql(
                select(func.now(), func.currentTimestamp(), func.of("random")),
                "SELECT CURRENT_TIMESTAMP AS now_1, CURRENT_TIMESTAMP AS current_timestamp_1, random() AS random_1",
                "SELECT now() AS now_1, CURRENT_TIMESTAMP AS current_timestamp_1, random() AS random_1");
    }

    @Test
    void labelledFunction() {
        assertSql(select(func.count(users.c("id")).label("n")), """
                SELECT count(users.id) AS n\s
                FROM users""");
    }

    @Test
    void windowFunctions() {
        // not in the reference; SQLAlchemy 1.4's output for the same statements
        assertSql(
                select(
                        users.c("name"),
                        func.rowNumber()
                                .over()
                                .partitionBy(users.c("name"))
                                .orderBy(users.c("id").desc())),
                """
                SELECT users.name, row_number() OVER (PARTITION BY users.name ORDER BY users.id DESC) AS anon_1\s
                FROM users""");
        assertSql(
                select(
                        func.sum(users.c("age")).over().orderBy(users.c("id")),
                        func.rank().over()),
                """
                SELECT sum(users.age) OVER (ORDER BY users.id) AS anon_1, rank() OVER () AS anon_2\s
                FROM users""");
    }

    // ---- 2.8 ORDER BY ----

    @Test
    void orderByDirectionsAndNulls() {
        assertSql(select(users.c("id")).orderBy(users.c("name")), """
                SELECT users.id\s
                FROM users ORDER BY users.name""");
        assertSql(
                select(users.c("id"))
                        .orderBy(users.c("name").asc(), users.c("age").desc()),
                """
                SELECT users.id\s
                FROM users ORDER BY users.name ASC, users.age DESC""");
        assertSql(select(users.c("id")).orderBy(desc(users.c("name"))), """
                SELECT users.id\s
                FROM users ORDER BY users.name DESC""");
        assertSql(
                select(users.c("id"))
                        .orderBy(
                                users.c("name").nullsFirst(),
                                users.c("age").desc().nullsLast()),
                """
                SELECT users.id\s
                FROM users ORDER BY users.name NULLS FIRST, users.age DESC NULLS LAST""");
        assertSql(
                select(users.c("id"))
                        .orderBy(
                                users.c("name").asc().nullsFirst(),
                                users.c("age").nullsLast()),
                """
                SELECT users.id\s
                FROM users ORDER BY users.name ASC NULLS FIRST, users.age NULLS LAST""");
    }

    @Test
    void orderByASelectedLabelUsesItsName() {
        ColumnElement<Long> n = func.count(users.c("id")).label("n");
        assertSql(select(users.c("name"), n).groupBy(users.c("name")).orderBy(n.desc()), """
                SELECT users.name, count(users.id) AS n\s
                FROM users GROUP BY users.name ORDER BY n DESC""");
    }

    @Test
    void nullsFirstAndLastAsFunctions() {
        assertSql(
                select(users.c("id"))
                        .orderBy(
                                dev.alchemy.Alchemy.nullsFirst(users.c("name")),
                                dev.alchemy.Alchemy.nullsLast(desc(users.c("age")))),
                "SELECT users.id \nFROM users ORDER BY users.name NULLS FIRST, users.age DESC NULLS LAST");
    }

    // ---- 2.9 LIMIT / OFFSET ----

    @Test
    void limitAndOffsetAsEachDialectWritesThem() {
        Select limit = select(users.c("id")).limit(10);
        assertSql(limit, """
                SELECT users.id\s
                FROM users
                 LIMIT ? OFFSET ?""", """
                SELECT users.id\s
                FROM users\s
                 LIMIT ?""");
        assertThat(params(sqlite(limit))).containsExactly(entry("param_1", 10), entry("param_2", 0));
        assertThat(params(postgresql(limit))).containsExactly(entry("param_1", 10));
        Select both = select(users.c("id")).limit(10).offset(20);
        assertThat(params(sqlite(both))).containsExactly(entry("param_1", 10), entry("param_2", 20));
        assertThat(postgresql(both).sql()).isEqualTo("SELECT users.id \nFROM users \n LIMIT ? OFFSET ?");
        Select offset = select(users.c("id")).offset(20);
        assertSql(offset, """
                SELECT users.id\s
                FROM users
                 LIMIT ? OFFSET ?""", """
                SELECT users.id\s
                FROM users
                 LIMIT ALL OFFSET ?""");
        assertThat(params(sqlite(offset))).containsExactly(entry("param_1", -1), entry("param_2", 20));
    }

    // ---- 2.10 DISTINCT ----

    @Test
    void distinctForms() {
        assertSql(select(users.c("name")).distinct(), """
                SELECT DISTINCT users.name\s
                FROM users""");
        String countDistinct = """
                SELECT count(DISTINCT users.name) AS count_1\s
                FROM users""";
        assertSql(select(func.count(distinct(users.c("name")))), countDistinct);
        assertSql(select(func.count(users.c("name").distinct())), countDistinct);
    }

    // ---- 2.11 aliases and labels ----

    @Test
    void tableAliases() {
        TableClause u1 = users.alias("u1");
        assertSql(select(u1.c("id")).where(u1.c("name").eq("x")), """
                SELECT u1.id\s
                FROM users AS u1\s
                WHERE u1.name = ?""");
        TableClause anonymous = users.alias();
        assertSql(select(anonymous.c("id")).where(anonymous.c("name").eq("x")), """
                SELECT users_1.id\s
                FROM users AS users_1\s
                WHERE users_1.name = ?""");
        TableClause u2 = users.alias("u2");
        assertSql(select(u1.c("name"), u2.c("name")).join(u2, u1.c("id").eq(u2.c("age"))), """
                SELECT u1.name, u2.name AS name_1\s
                FROM users AS u1 JOIN users AS u2 ON u1.id = u2.age""");
    }

    @Test
    void columnLabelsAndDuplicateNames() {
        Select stmt =
                select(users.c("name").label("username"), users.c("age").plus(1).label("next_age"));
        assertSql(stmt, """
                SELECT users.name AS username, users.age + ? AS next_age\s
                FROM users""");
        assertThat(stmt.columnKeys()).containsExactly("username", "next_age");
        Select twice = select(users.c("id"), addresses.c("id")).joinFrom(users, addresses);
        assertSql(twice, """
                SELECT users.id, addresses.id AS id_1\s
                FROM users JOIN addresses ON users.id = addresses.user_id""");
        assertThat(twice.columnKeys()).containsExactly("id", "id_1");
        assertThat(select(users.c("id"), users.c("id")).toString())
                .isEqualTo("SELECT users.id, users.id AS id__1 \nFROM users");
    }

    // ---- 2.12 subqueries, scalar subqueries, EXISTS ----

    @Test
    void scalarSubqueriesCorrelateToTheEnclosingSelect() {
        ColumnElement<Long> count = select(func.count(addresses.c("id")))
                .where(addresses.c("user_id").eq(users.c("id")))
                .scalarSubquery();
        assertSql(select(users.c("name"), count.label("addr_count")), """
                SELECT users.name, (SELECT count(addresses.id) AS count_1\s
                FROM addresses\s
                WHERE addresses.user_id = users.id) AS addr_count\s
                FROM users""");
        assertSql(
                select(users.c("name"))
                        .where(users.c("age")
                                .gt(select(func.avg(users.c("age"))).scalarSubquery())),
                """
                SELECT users.name\s
                FROM users\s
                WHERE users.age > (SELECT avg(users.age) AS avg_1\s
                FROM users)""");
    }

    @Test
    void subqueriesInFrom() {
        Subquery sub = select(addresses.c("user_id"), func.count().label("cnt"))
                .groupBy(addresses.c("user_id"))
                .subquery("ac");
        assertSql(select(users.c("name"), sub.c("cnt")).join(sub, users.c("id").eq(sub.c("user_id"))), """
                SELECT users.name, ac.cnt\s
                FROM users JOIN (SELECT addresses.user_id AS user_id, count(*) AS cnt\s
                FROM addresses GROUP BY addresses.user_id) AS ac ON users.id = ac.user_id""");
        Subquery anonymous = select(addresses.c("user_id")).subquery();
        assertSql(select(anonymous.c("user_id")), """
                SELECT anon_1.user_id\s
                FROM (SELECT addresses.user_id AS user_id\s
                FROM addresses) AS anon_1""");
        Subquery counted =
                select(users.c("id"), func.count()).groupBy(users.c("id")).subquery();
        assertThat(counted.columns()).extracting(ColumnClause::name).containsExactly("id", "count_1");
    }

    @Test
    void aSubqueryJoinsThroughTheForeignKeysOfItsColumns() {
        Subquery sub =
                select(addresses.c("user_id"), addresses.c("email_address")).subquery("a");
        assertSql(select(users.c("name"), sub.c("email_address")).join(sub), """
                SELECT users.name, a.email_address\s
                FROM users JOIN (SELECT addresses.user_id AS user_id, addresses.email_address AS email_address\s
                FROM addresses) AS a ON users.id = a.user_id""");
    }

    @Test
    void existsForms() {
        String correlated = """
                SELECT users.name\s
                FROM users\s
                WHERE EXISTS (SELECT *\s
                FROM addresses\s
                WHERE addresses.user_id = users.id)""";
        assertSql(
                select(users.c("name"))
                        .where(exists().where(addresses.c("user_id").eq(users.c("id")))),
                correlated);
        assertSql(
                select(users.c("name"))
                        .where(select(addresses.c("id"))
                                .where(addresses.c("user_id").eq(users.c("id")))
                                .exists()),
                """
                SELECT users.name\s
                FROM users\s
                WHERE EXISTS (SELECT addresses.id\s
                FROM addresses\s
                WHERE addresses.user_id = users.id)""");
        assertSql(
                select(users.c("name"))
                        .where(not(exists().where(addresses.c("user_id").eq(users.c("id"))))),
                """
                SELECT users.name\s
                FROM users\s
                WHERE NOT (EXISTS (SELECT *\s
                FROM addresses\s
                WHERE addresses.user_id = users.id))""");
        Select selected = select(exists().where(users.c("name").eq("a")));
        assertSql(selected, """
                SELECT EXISTS (SELECT *\s
                FROM users\s
                WHERE users.name = ?) AS anon_1""");
        assertThat(params(sqlite(selected))).containsExactly(entry("name_1", "a"));
    }

    // ---- 2.13 set operations ----

    @Test
    void setOperations() {
        Select s1 = select(users.c("id")).where(users.c("age").lt(10));
        Select s2 = select(users.c("id")).where(users.c("age").gt(90));
        String members =
                "SELECT users.id \nFROM users \nWHERE users.age < ? %s SELECT users.id \nFROM users \nWHERE users.age > ?";
        assertSql(union(s1, s2), members.formatted("UNION"));
        assertThat(params(sqlite(union(s1, s2)))).containsExactly(entry("age_1", 10), entry("age_2", 90));
        assertSql(unionAll(s1, s2), members.formatted("UNION ALL"));
        assertSql(intersect(s1, s2), members.formatted("INTERSECT"));
        assertSql(except(s1, s2), members.formatted("EXCEPT"));
        assertSql(s1.union(s2), members.formatted("UNION"));
    }

    @Test
    void aCompoundIsOrderedByColumnNamesAndLimited() {
        Select s1 = select(users.c("id")).where(users.c("age").lt(10));
        Select s2 = select(users.c("id")).where(users.c("age").gt(90));
        CompoundSelect stmt = s1.union(s2).orderBy(users.c("id")).limit(5);
        assertSql(
                stmt,
                "SELECT users.id \nFROM users \nWHERE users.age < ? UNION SELECT users.id \nFROM users \nWHERE users.age > ? "
                        + "ORDER BY id\n LIMIT ? OFFSET ?",
                "SELECT users.id \nFROM users \nWHERE users.age < ? UNION SELECT users.id \nFROM users \nWHERE users.age > ? "
                        + "ORDER BY id \n LIMIT ?");
        assertThat(params(sqlite(stmt)))
                .containsExactly(entry("age_1", 10), entry("age_2", 90), entry("param_1", 5), entry("param_2", 0));
    }

    @Test
    void membersWithTheirOwnLimitAreParenthesisedOrOnSqliteSelectedFrom() {
        // SQLAlchemy writes "(SELECT ... LIMIT ? OFFSET ?) UNION (...)" on SQLite too, which SQLite cannot parse;
        // we write what SQLite runs
        CompoundSelect stmt = union(
                select(users.c("id")).orderBy(users.c("id")).limit(1),
                select(users.c("id")).limit(2));
        assertSql(
                stmt,
                "SELECT * FROM (SELECT users.id \nFROM users ORDER BY users.id\n LIMIT ? OFFSET ?) UNION "
                        + "SELECT * FROM (SELECT users.id \nFROM users\n LIMIT ? OFFSET ?)",
                "(SELECT users.id \nFROM users ORDER BY users.id \n LIMIT ?) UNION (SELECT users.id \nFROM users \n LIMIT ?)");
        assertThat(params(sqlite(stmt)))
                .containsExactly(entry("param_1", 1), entry("param_2", 0), entry("param_3", 2), entry("param_4", 0));
    }

    @Test
    void aCompoundOfTheSameKindIsExtendedNotNested() {
        Select a = select(users.c("id"));
        assertThat(union(union(a, a), a).toString())
                .isEqualTo(
                        "SELECT users.id \nFROM users UNION SELECT users.id \nFROM users UNION SELECT users.id \nFROM users");
        assertSql(
                union(a, except(a, a)),
                "SELECT users.id \nFROM users UNION SELECT * FROM (SELECT users.id \nFROM users EXCEPT SELECT users.id "
                        + "\nFROM users)",
                "SELECT users.id \nFROM users UNION (SELECT users.id \nFROM users EXCEPT SELECT users.id \nFROM users)");
    }

    // ---- 2.14 CTEs ----

    @Test
    void ctesAreWrittenAtTheStart() {
        Cte older = select(users.c("id"), users.c("name"))
                .where(users.c("age").gt(30))
                .cte("older");
        Select stmt = select(older.c("name")).where(older.c("id").gt(5));
        assertSql(stmt, """
                WITH older AS\s
                (SELECT users.id AS id, users.name AS name\s
                FROM users\s
                WHERE users.age > ?)
                 SELECT older.name\s
                FROM older\s
                WHERE older.id > ?""");
        assertThat(params(sqlite(stmt))).containsExactly(entry("age_1", 30), entry("id_1", 5));
        Cte anonymous = select(users.c("id")).cte();
        assertSql(select(anonymous.c("id")), """
                WITH anon_1 AS\s
                (SELECT users.id AS id\s
                FROM users)
                 SELECT anon_1.id\s
                FROM anon_1""");
    }

    @Test
    void recursiveCte() {
        Cte base = select(nodes.c("id"), nodes.c("parent_id"))
                .where(nodes.c("id").eq(1))
                .recursiveCte("tree");
        Cte tree = base.unionAll(select(nodes.c("id"), nodes.c("parent_id"))
                .join(base, nodes.c("parent_id").eq(base.c("id"))));
        Select stmt = select(tree.c("id"));
        assertSql(stmt, """
                WITH RECURSIVE tree(id, parent_id) AS\s
                (SELECT nodes.id AS id, nodes.parent_id AS parent_id\s
                FROM nodes\s
                WHERE nodes.id = ? UNION ALL SELECT nodes.id AS id, nodes.parent_id AS parent_id\s
                FROM nodes JOIN tree ON nodes.parent_id = tree.id)
                 SELECT tree.id\s
                FROM tree""");
        assertThat(params(sqlite(stmt))).containsExactly(entry("id_1", 1));
    }

    // ---- 2.15 CASE, CAST, literals, bindparam, text ----

    @Test
    void caseForms() {
        Select searched = select(
                case_(when(users.c("age").lt(18), "minor"), when(users.c("age").lt(65), "adult"))
                        .else_("senior"));
        assertSql(searched, """
                SELECT CASE WHEN (users.age < ?) THEN ? WHEN (users.age < ?) THEN ? ELSE ? END AS anon_1\s
                FROM users""");
        assertThat(params(sqlite(searched)))
                .containsExactly(
                        entry("age_1", 18),
                        entry("param_1", "minor"),
                        entry("age_2", 65),
                        entry("param_2", "adult"),
                        entry("param_3", "senior"));
        Select onValue =
                select(case_(users.c("id")).when(1, "one").when(2, "two").else_("many"));
        assertSql(onValue, """
                SELECT CASE users.id WHEN ? THEN ? WHEN ? THEN ? ELSE ? END AS anon_1\s
                FROM users""");
        assertThat(params(sqlite(onValue)).values()).containsExactly(1, "one", 2, "two", "many");
        assertSql(select(case_(when(users.c("age").lt(18), "minor")).label("c")), """
                SELECT CASE WHEN (users.age < ?) THEN ? END AS c\s
                FROM users""");
    }

    @Test
    void castIsLabelledWithItsColumn() {
        assertSql(
                select(cast(users.c("age"), VARCHAR), cast(users.c("name"), INTEGER), cast(users.c("age"), INTEGER)),
                """
                SELECT CAST(users.age AS VARCHAR) AS age, CAST(users.name AS INTEGER) AS name, \
                CAST(users.age AS INTEGER) AS age__1\s
                FROM users""");
    }

    @Test
    void literalsAreBound() {
        Select stmt = select(literal("x"), literal(1), literal(true));
        assertSql(stmt, "SELECT ? AS anon_1, ? AS anon_2, ? AS anon_3");
        assertThat(params(sqlite(stmt)))
                .containsExactly(entry("param_1", "x"), entry("param_2", 1), entry("param_3", true));
        assertSql(select(literalColumn("1"), text("'abc'")), "SELECT 1, 'abc'");
    }

    @Test
    void booleanConstants() {
        assertSql(select(users.c("id")).where(true_()).where(users.c("name").eq(false_())), """
                SELECT users.id\s
                FROM users\s
                WHERE users.name = 0""", """
                SELECT users.id\s
                FROM users\s
                WHERE users.name = false""");
        // SQLAlchemy 2.0: a lone true() is "1 = 1" on SQLite
        assertSql(
                select(users.c("id")).where(true_()),
                "SELECT users.id \nFROM users \nWHERE 1 = 1",
                "SELECT users.id \nFROM users \nWHERE true");
        assertSql(
                select(users.c("id")).where(or(users.c("id").eq(1), false_())),
                "SELECT users.id \nFROM users \nWHERE users.id = ?");
    }

    @Test
    void bindparamAndRepeatedValues() {
        CompiledStatement named =
                sqlite(select(users.c("id")).where(users.c("name").eq(bindparam("nm"))));
        assertThat(named.sql()).isEqualTo("SELECT users.id \nFROM users \nWHERE users.name = ?");
        assertThat(named.parameters().get(0).key()).isEqualTo("nm");
        assertThat(named.parameters().get(0).hasValue()).isFalse();
        Select twice = select(users.c("id"))
                .where(or(users.c("name").eq("a"), users.c("email").eq("a")));
        assertThat(params(sqlite(twice))).containsExactly(entry("name_1", "a"), entry("email_1", "a"));
    }

    @Test
    void textInsideAStatementBindsItsParameters() {
        Select stmt = select(users.c("id"))
                .where(text("users.age > :age").bind("age", 30), users.c("name").eq("a"));
        assertSql(stmt, "SELECT users.id \nFROM users \nWHERE users.age > ? AND users.name = ?");
        assertThat(params(sqlite(stmt))).containsExactly(entry("age", 30), entry("name_1", "a"));
    }

    // ---- 2.21 booleans ----

    @Test
    void booleanColumnsAreComparedWithOneAndZeroOnSqlite() {
        Table flagged =
                Table.of("users", new MetaData(), Column.of("id", INTEGER).primaryKey(), Column.of("active", BOOLEAN));
        Column<Boolean> active = flagged.c("active", Boolean.class);
        assertSql(
                select(flagged.c("id")).where(active.eq(true)),
                "SELECT users.id \nFROM users \nWHERE users.active = 1",
                "SELECT users.id \nFROM users \nWHERE users.active = true");
        assertSql(
                select(flagged.c("id")).where(active.eq(false)),
                "SELECT users.id \nFROM users \nWHERE users.active = 0",
                "SELECT users.id \nFROM users \nWHERE users.active = false");
        assertSql(
                select(flagged.c("id")).where(active),
                "SELECT users.id \nFROM users \nWHERE users.active = 1",
                "SELECT users.id \nFROM users \nWHERE users.active");
        assertSql(
                select(flagged.c("id")).where(not(active)),
                "SELECT users.id \nFROM users \nWHERE users.active = 0",
                "SELECT users.id \nFROM users \nWHERE NOT users.active");
        assertSql(
                select(func.count()).selectFrom(flagged).where(active),
                "SELECT count(*) AS count_1 \nFROM users \nWHERE users.active = 1",
                "SELECT count(*) AS count_1 \nFROM users \nWHERE users.active");
        assertThat(params(sqlite(select(flagged.c("id")).where(active.eq(true)))))
                .isEmpty();
        assertSql(
                select(flagged.c("id")).where(active.is(true)),
                "SELECT users.id \nFROM users \nWHERE users.active IS 1",
                "SELECT users.id \nFROM users \nWHERE users.active IS true");
        assertSql(
                select(flagged.c("id")).where(active.isNot(false)),
                "SELECT users.id \nFROM users \nWHERE users.active IS NOT 0",
                "SELECT users.id \nFROM users \nWHERE users.active IS NOT false");
        assertSql(
                select(flagged.c("id")).where(not(active.is(true))),
                "SELECT users.id \nFROM users \nWHERE users.active IS NOT 1",
                "SELECT users.id \nFROM users \nWHERE users.active IS NOT true");
        assertSql(
                select(flagged.c("id")).where(active.is(null)),
                "SELECT users.id \nFROM users \nWHERE users.active IS NULL");
    }

    // ---- 1.14 quoting ----

    @Test
    void identifiersAreQuotedByTheDialect() {
        Table user = Table.of(
                "user",
                new MetaData(),
                Column.of("id", INTEGER).primaryKey(),
                Column.of("order", INTEGER),
                Column.of("user", VARCHAR),
                Column.of("Mixed Case", VARCHAR),
                Column.of("with space", VARCHAR),
                Column.of("MixedCase", VARCHAR));
        Select stmt = select(
                        user.c("order"),
                        user.c("user"),
                        user.c("Mixed Case"),
                        user.c("with space"),
                        user.c("MixedCase"))
                .where(user.c("order").gt(5));
        assertSql(stmt, """
                SELECT user."order", user.user, user."Mixed Case", user."with space", user."MixedCase"\s
                FROM user\s
                WHERE user."order" > ?""", """
                SELECT "user"."order", "user"."user", "user"."Mixed Case", "user"."with space", "user"."MixedCase"\s
                FROM "user"\s
                WHERE "user"."order" > ?""");
        assertThat(params(sqlite(stmt))).containsExactly(entry("order_1", 5));
    }
}
