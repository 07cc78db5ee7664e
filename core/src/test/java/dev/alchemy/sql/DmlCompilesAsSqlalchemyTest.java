package dev.alchemy.sql;

import static dev.alchemy.Alchemy.delete;
import static dev.alchemy.Alchemy.func;
import static dev.alchemy.Alchemy.insert;
import static dev.alchemy.Alchemy.select;
import static dev.alchemy.Alchemy.update;
import static dev.alchemy.sql.CoreFixture.params;
import static dev.alchemy.sql.CoreFixture.postgresql;
import static dev.alchemy.sql.CoreFixture.sqlite;
import static dev.alchemy.types.SqlTypes.INTEGER;
import static dev.alchemy.types.SqlTypes.VARCHAR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import dev.alchemy.engine.CompiledStatement;
import dev.alchemy.engine.StatementCache;
import dev.alchemy.exc.ArgumentError;
import dev.alchemy.exc.CompileError;
import dev.alchemy.schema.Column;
import dev.alchemy.schema.MetaData;
import dev.alchemy.schema.Table;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * INSERT, UPDATE, DELETE and upserts compile to the text SQLAlchemy produces (sqlalchemy-reference.md §2.16–2.20),
 * following SQLAlchemy 2.0 where it differs from 1.4: RETURNING and UPDATE ... FROM on SQLite. Deliberate
 * differences: no implicit {@code RETURNING users.id} on PostgreSQL INSERTs (ask with {@code returning(...)});
 * RETURNING columns are bare on PostgreSQL too ({@code RETURNING id}) unless the statement names other tables; an
 * INSERT without values binds every column as a parameter that must be given at execution.
 */
class DmlCompilesAsSqlalchemyTest {

    final CoreFixture f = new CoreFixture();
    final Table users = f.users;
    final Table addresses = f.addresses;

    static void assertSql(ClauseElement statement, String expected) {
        assertThat(sqlite(statement).sql()).isEqualTo(expected);
        assertThat(postgresql(statement).sql()).isEqualTo(expected);
    }

    static void assertSql(ClauseElement statement, String expectedSqlite, String expectedPostgresql) {
        assertThat(sqlite(statement).sql()).isEqualTo(expectedSqlite);
        assertThat(postgresql(statement).sql()).isEqualTo(expectedPostgresql);
    }

    // ---- 2.16 INSERT ----

    @Test
    void insertWithoutValuesTakesEveryColumnAsAParameter() {
        CompiledStatement c = sqlite(insert(users));
        assertThat(c.sql()).isEqualTo("INSERT INTO users (id, name, email, age) VALUES (?, ?, ?, ?)");
        assertThat(c.parameters()).extracting(p -> p.key()).containsExactly("id", "name", "email", "age");
        assertThat(c.parameters()).allMatch(p -> !p.hasValue());
    }

    @Test
    void insertValuesAreWrittenInTableOrderWhateverTheMapOrder() {
        Insert stmt = insert(users).values(Map.of("email", "a@x.com", "name", "Alice"));
        assertSql(stmt, "INSERT INTO users (name, email) VALUES (?, ?)");
        assertThat(params(sqlite(stmt))).containsExactly(entry("name", "Alice"), entry("email", "a@x.com"));
        assertThat(stmt.toString()).isEqualTo("INSERT INTO users (name, email) VALUES (?, ?)");
    }

    @Test
    void multiRowInsertNumbersItsParametersPerRow() {
        Insert stmt =
                insert(users).values(List.of(Map.of("name", "A", "email", "a"), Map.of("name", "B", "email", "b")));
        assertSql(stmt, "INSERT INTO users (name, email) VALUES (?, ?), (?, ?)");
        assertThat(params(sqlite(stmt)))
                .containsExactly(
                        entry("name_m0", "A"), entry("email_m0", "a"), entry("name_m1", "B"), entry("email_m1", "b"));
        Insert ids = insert(users).values(List.of(Map.of("id", 1, "name", "A"), Map.of("id", 2, "name", "B")));
        assertSql(ids, "INSERT INTO users (id, name) VALUES (?, ?), (?, ?)");
        assertThat(params(sqlite(ids)).values()).containsExactly(1, "A", 2, "B");
    }

    @Test
    void everyRowOfAMultiRowInsertMustNameTheSameKnownColumns() {
        Map<String, Object> withNull = new LinkedHashMap<>();
        withNull.put("email", null);
        withNull.put("name", "B");
        Insert nulls = insert(users).values(List.of(Map.of("name", "A", "email", "a"), withNull));
        assertThat(params(sqlite(nulls)))
                .containsExactly(
                        entry("name_m0", "A"), entry("email_m0", "a"), entry("name_m1", "B"), entry("email_m1", null));
        assertThatThrownBy(() -> insert(users).values(List.of(Map.of("name", "A"), Map.of("email", "b"))))
                .isInstanceOf(ArgumentError.class)
                .hasMessage("every row of a multi-row INSERT must name the same columns; [email] differs from [name]");
        assertThatThrownBy(() -> insert(users).values(List.of(Map.of("name", "A"), Map.of("name", "B", "age", 3))))
                .isInstanceOf(ArgumentError.class)
                .hasMessage("every row of a multi-row INSERT must name the same columns; [name, age] differs from "
                        + "[name]");
        assertThatThrownBy(() -> insert(users).values(List.of(Map.of("name", "A"), Map.of("nmae", "B"))))
                .isInstanceOf(ArgumentError.class)
                .hasMessageContaining("table 'users' has no column 'nmae'");
    }

    @Test
    void aMultiRowInsertGetsJavaSideDefaultsPerRowAndExpressionsInPlace() {
        int[] counter = {0};
        Table t = Table.of(
                "t",
                new MetaData(),
                Column.of("id", INTEGER).primaryKey(),
                Column.of("seq", INTEGER).defaultSupplier(() -> ++counter[0]),
                Column.of("name", VARCHAR));
        Insert stmt = insert(t).values(List.of(Map.of("name", "x"), Map.of("name", func.of("lower", VARCHAR, "Y"))));
        CompiledStatement c = sqlite(stmt);
        assertThat(c.sql()).isEqualTo("INSERT INTO t (seq, name) VALUES (?, ?), (?, lower(?))");
        assertThat(c.parameters()).extracting(p -> p.key()).containsExactly("seq_m0", "name_m0", "seq_m1", "lower_1");
        assertThat(c.parameters()).extracting(p -> p.value()).containsExactly(1, "x", 2, "Y");
    }

    @Test
    void insertsOfOneShapeCompileOnceAndTakeEachStatementsValues() {
        int[] counter = {0};
        Table t = Table.of(
                "t",
                new MetaData(),
                Column.of("id", INTEGER).primaryKey(),
                Column.of("seq", INTEGER).defaultSupplier(() -> ++counter[0]),
                Column.of("name", VARCHAR));
        CompiledStatement first = executed(insert(t)
                .values(List.of(Map.of("name", "a"), Map.of("name", "b")))
                .returning(t.c("id")));
        CompiledStatement second = executed(insert(t)
                .values(List.of(Map.of("name", "c"), Map.of("name", "d")))
                .returning(t.c("id")));
        assertThat(second.sql()).isSameAs(first.sql()).isEqualTo("""
                INSERT INTO t (seq, name) VALUES (?, ?), (?, ?) RETURNING id""");
        assertThat(params(first))
                .containsExactly(entry("seq_m0", 1), entry("name_m0", "a"), entry("seq_m1", 2), entry("name_m1", "b"));
        assertThat(params(second))
                .containsExactly(entry("seq_m0", 3), entry("name_m0", "c"), entry("seq_m1", 4), entry("name_m1", "d"));
        assertThat(counter[0]).isEqualTo(4); // each default computed once per row and statement
        assertThat(List.of(cache.misses(), cache.hits())).containsExactly(1L, 1L);
        assertThat(second.columns()).extracting(c -> c.key()).containsExactly("id");
        assertThat(second.parameters().get(1).binder())
                .isSameAs(first.parameters().get(1).binder());
        // another shape: other RETURNING, one row more, an expression in place of a value
        assertThat(executed(insert(t)
                                .values(List.of(Map.of("name", "e"), Map.of("name", "f")))
                                .returning(t.c("name")))
                        .sql())
                .isEqualTo("INSERT INTO t (seq, name) VALUES (?, ?), (?, ?) RETURNING name");
        assertThat(executed(insert(t).values(List.of(Map.of("name", "e"), Map.of("name", "f"), Map.of("name", "g"))))
                        .sql())
                .isEqualTo("INSERT INTO t (seq, name) VALUES (?, ?), (?, ?), (?, ?)");
        CompiledStatement expression = executed(insert(t)
                .values(List.of(Map.of("name", "h"), Map.of("name", func.of("lower", VARCHAR, "I")))));
        assertThat(expression.sql()).isEqualTo("INSERT INTO t (seq, name) VALUES (?, ?), (?, lower(?))");
        assertThat(expression.parameters()).extracting(p -> p.value()).containsExactly(10, "h", 11, "I");
    }

    /** An engine's cache of compiled statements, as {@link #executed} uses it. */
    private final StatementCache cache = StatementCache.ofSize(16);

    /** As the engine compiles a statement it executes: through its statement cache. */
    private CompiledStatement executed(Insert statement) {
        return statement.compile(CoreFixture.SQLITE, cache);
    }

    @Test
    void insertReturningIsUnqualifiedOnSqliteAsInSqlalchemy20() {
        Insert one = insert(users).values(Map.of("name", "A")).returning(users.c("id"));
        assertSql(
                one,
                "INSERT INTO users (name) VALUES (?) RETURNING id",
                "INSERT INTO users (name) VALUES (?) RETURNING id");
        assertThat(sqlite(one).columns()).extracting(c -> c.key()).containsExactly("id");
        assertSql(
                insert(users).values(Map.of("name", "A")).returning(users.c("id"), users.c("name")),
                "INSERT INTO users (name) VALUES (?) RETURNING id, name",
                "INSERT INTO users (name) VALUES (?) RETURNING id, name");
    }

    @Test
    void insertFromSelect() {
        Insert stmt = insert(addresses)
                .fromSelect(
                        List.of("user_id", "email_address"),
                        select(users.c("id"), users.c("email"))
                                .where(users.c("email").isNotNull()));
        assertSql(stmt, """
                INSERT INTO addresses (user_id, email_address) SELECT users.id, users.email\s
                FROM users\s
                WHERE users.email IS NOT NULL""");
        assertThat(sqlite(stmt).columns()).isNull();
    }

    @Test
    void insertAppliesJavaSideDefaultsOfColumnsNotGiven() {
        Table t = Table.of(
                "t",
                new MetaData(),
                Column.of("id", INTEGER).primaryKey(),
                Column.of("status", VARCHAR).defaultValue("new"),
                Column.of("name", VARCHAR));
        CompiledStatement given = sqlite(insert(t).values(Map.of("name", "x")));
        assertThat(given.sql()).isEqualTo("INSERT INTO t (status, name) VALUES (?, ?)");
        assertThat(params(given)).containsExactly(entry("status", "new"), entry("name", "x"));
        CompiledStatement overridden = sqlite(insert(t).values(Map.of("name", "x", "status", "old")));
        assertThat(params(overridden)).containsExactly(entry("status", "old"), entry("name", "x"));
        CompiledStatement executemany = sqlite(insert(t).parameters("name"));
        assertThat(executemany.sql()).isEqualTo("INSERT INTO t (status, name) VALUES (?, ?)");
        assertThat(executemany.parameters().get(0).hasValue()).isTrue();
        assertThat(executemany.parameters().get(1).hasValue()).isFalse();
    }

    @Test
    void insertOfAnUnknownColumnNamesTheTableAndItsColumns() {
        assertThatThrownBy(() -> insert(users).values(Map.of("nmae", "x")))
                .isInstanceOf(ArgumentError.class)
                .hasMessageContaining("table 'users' has no column 'nmae'")
                .hasMessageContaining("[id, name, email, age]");
    }

    // ---- 2.17 UPDATE ----

    @Test
    void updateSetsBoundValuesNamedAfterTheirColumns() {
        Update stmt = update(users).where(users.c("id").eq(5)).values(Map.of("name", "Bob"));
        assertSql(stmt, "UPDATE users SET name=? WHERE users.id = ?");
        assertThat(params(sqlite(stmt))).containsExactly(entry("name", "Bob"), entry("id_1", 5));
        Update two = update(users).where(users.c("name").eq("a")).values(Map.of("email", "c", "name", "b"));
        assertSql(two, "UPDATE users SET name=?, email=? WHERE users.name = ?");
        assertThat(params(sqlite(two))).containsExactly(entry("name", "b"), entry("email", "c"), entry("name_1", "a"));
        assertSql(update(users).set(users.c("name"), "Bob"), "UPDATE users SET name=?");
    }

    @Test
    void updateToAnExpressionParenthesisesIt() {
        Update stmt = update(users).values(Map.of("age", users.c("age").plus(1)));
        assertSql(stmt, "UPDATE users SET age=(users.age + ?)");
        assertThat(params(sqlite(stmt))).containsExactly(entry("age_1", 1));
        assertSql(
                update(users)
                        .values(Map.of(
                                "name", users.c("email"), "age", users.c("age").times(2))),
                "UPDATE users SET name=users.email, age=(users.age * ?)");
    }

    @Test
    void updateToACorrelatedSubquery() {
        assertSql(
                update(users)
                        .values(Map.of(
                                "age",
                                select(func.count(addresses.c("id")))
                                        .where(addresses.c("user_id").eq(users.c("id")))
                                        .scalarSubquery())),
                """
                UPDATE users SET age=(SELECT count(addresses.id) AS count_1\s
                FROM addresses\s
                WHERE addresses.user_id = users.id)""");
    }

    @Test
    void updateReturning() {
        assertSql(
                update(users)
                        .where(users.c("id").eq(5))
                        .values(Map.of("name", "Bob"))
                        .returning(users.c("id")),
                "UPDATE users SET name=? WHERE users.id = ? RETURNING id",
                "UPDATE users SET name=? WHERE users.id = ? RETURNING id");
    }

    @Test
    void updateWithAConditionOnAnotherTableIsUpdateFrom() {
        Update stmt = update(users)
                .where(users.c("id").eq(addresses.c("user_id")))
                .where(addresses.c("email_address").eq("x"))
                .values(Map.of("name", "y"));
        assertSql(
                stmt,
                "UPDATE users SET name=? FROM addresses WHERE users.id = addresses.user_id AND "
                        + "addresses.email_address = ?");
        assertThat(params(sqlite(stmt))).containsExactly(entry("name", "y"), entry("email_address_1", "x"));
    }

    @Test
    void returningIsQualifiedOnPostgresqlWhenOtherTablesAreNamed() {
        Update stmt = update(users)
                .where(users.c("id").eq(addresses.c("user_id")))
                .values(Map.of("name", "y"))
                .returning(users.c("id"));
        assertSql(
                stmt,
                "UPDATE users SET name=? FROM addresses WHERE users.id = addresses.user_id RETURNING id",
                "UPDATE users SET name=? FROM addresses WHERE users.id = addresses.user_id RETURNING users.id");
    }

    @Test
    void updateWithoutValuesCannotCompile() {
        assertThatThrownBy(() -> sqlite(update(users).where(users.c("id").eq(1))))
                .isInstanceOf(CompileError.class)
                .hasMessageContaining("UPDATE users has no values to SET");
    }

    // ---- 2.18 DELETE ----

    @Test
    void deleteForms() {
        Delete stmt = delete(users).where(users.c("id").eq(5));
        assertSql(stmt, "DELETE FROM users WHERE users.id = ?");
        assertThat(params(sqlite(stmt))).containsExactly(entry("id_1", 5));
        assertSql(delete(users), "DELETE FROM users");
        assertSql(
                delete(users).where(users.c("id").eq(5)).returning(users.c("id")),
                "DELETE FROM users WHERE users.id = ? RETURNING id",
                "DELETE FROM users WHERE users.id = ? RETURNING id");
    }

    @Test
    void deleteWithAConditionOnAnotherTableIsUsingOnPostgresqlOnly() {
        Delete stmt = delete(users).where(users.c("id").eq(addresses.c("user_id")));
        assertThat(postgresql(stmt).sql())
                .isEqualTo("DELETE FROM users USING addresses WHERE users.id = addresses.user_id");
        assertThatThrownBy(() -> sqlite(stmt))
                .isInstanceOf(CompileError.class)
                .hasMessageContaining("cannot DELETE FROM users with conditions on other tables");
    }

    // ---- 2.19, 2.20 upserts ----

    Insert upsertBase() {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", 1);
        row.put("name", "A");
        row.put("email", "a");
        return insert(users).values(row);
    }

    @Test
    void onConflictDoNothing() {
        Insert st = upsertBase();
        assertSql(
                st.onConflictDoNothing(),
                "INSERT INTO users (id, name, email) VALUES (?, ?, ?) ON CONFLICT DO NOTHING");
        assertSql(
                st.onConflictDoNothing("id"),
                "INSERT INTO users (id, name, email) VALUES (?, ?, ?) ON CONFLICT (id) DO NOTHING");
        assertThat(params(sqlite(st.onConflictDoNothing("id"))))
                .containsExactly(entry("id", 1), entry("name", "A"), entry("email", "a"));
    }

    @Test
    void onConflictDoUpdateWithExcluded() {
        Insert st = upsertBase();
        Insert upsert = st.onConflictDoUpdate(
                List.of("id"), Map.of("email", st.excluded("email"), "name", st.excluded("name")));
        assertSql(
                upsert,
                "INSERT INTO users (id, name, email) VALUES (?, ?, ?) ON CONFLICT (id) DO UPDATE SET "
                        + "name = excluded.name, email = excluded.email");
        assertThat(params(sqlite(upsert))).containsExactly(entry("id", 1), entry("name", "A"), entry("email", "a"));
    }

    @Test
    void onConflictDoUpdateWithAValueAndACondition() {
        Insert upsert = upsertBase()
                .onConflictDoUpdate(
                        List.of("id"), Map.of("name", "Z"), users.c("age").gt(1));
        assertSql(
                upsert,
                "INSERT INTO users (id, name, email) VALUES (?, ?, ?) ON CONFLICT (id) DO UPDATE SET name = ? "
                        + "WHERE users.age > ?");
        assertThat(params(sqlite(upsert)))
                .containsExactly(
                        entry("id", 1),
                        entry("name", "A"),
                        entry("email", "a"),
                        entry("param_1", "Z"),
                        entry("age_1", 1));
    }

    @Test
    void onConflictNamingAConstraintIsPostgresqlOnly() {
        // SQLAlchemy 1.4: on_conflict_do_update(constraint="uq_users_email", set_=dict(name=st.excluded.name)); its
        // SQLite insert() has no constraint argument at all
        Insert st = upsertBase();
        Insert upsert = st.onConstraintConflictDoUpdate("uq_users_email", Map.of("name", st.excluded("name")), null);
        assertThat(postgresql(upsert).sql())
                .isEqualTo("INSERT INTO users (id, name, email) VALUES (?, ?, ?) ON CONFLICT ON CONSTRAINT "
                        + "uq_users_email DO UPDATE SET name = excluded.name");
        assertThat(postgresql(st.onConstraintConflictDoNothing("uq_users_email"))
                        .sql())
                .isEqualTo("INSERT INTO users (id, name, email) VALUES (?, ?, ?) ON CONFLICT ON CONSTRAINT "
                        + "uq_users_email DO NOTHING");
        assertThat(postgresql(st.onConstraintConflictDoNothing("Weird Name")).sql())
                .endsWith("ON CONFLICT ON CONSTRAINT \"Weird Name\" DO NOTHING");
        assertThatThrownBy(() -> sqlite(upsert))
                .isInstanceOf(CompileError.class)
                .hasMessageContaining("SQLite cannot name a constraint");
        assertThatThrownBy(() -> st.onConstraintConflictDoNothing(" "))
                .isInstanceOf(dev.alchemy.exc.ArgumentError.class)
                .hasMessageContaining("constraint name is empty");
        assertThatThrownBy(() -> st.onConstraintConflictDoUpdate("uq_users_email", Map.of(), null))
                .isInstanceOf(dev.alchemy.exc.ArgumentError.class);
    }

    @Test
    void onConflictWithReturning() {
        Insert st = upsertBase();
        assertSql(
                st.onConflictDoUpdate(List.of("id"), Map.of("name", st.excluded("name")))
                        .returning(users.c("id")),
                "INSERT INTO users (id, name, email) VALUES (?, ?, ?) ON CONFLICT (id) DO UPDATE SET "
                        + "name = excluded.name RETURNING id",
                "INSERT INTO users (id, name, email) VALUES (?, ?, ?) ON CONFLICT (id) DO UPDATE SET "
                        + "name = excluded.name RETURNING id");
    }

    @Test
    void doUpdateNeedsItsIndexColumns() {
        assertThatThrownBy(() -> upsertBase().onConflictDoUpdate(List.of(), Map.of("name", "x")))
                .isInstanceOf(ArgumentError.class)
                .hasMessageContaining("needs the columns of the conflicting unique index");
    }
}
