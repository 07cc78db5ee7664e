package dev.alchemy.sql;

import static dev.alchemy.Alchemy.delete;
import static dev.alchemy.Alchemy.insert;
import static dev.alchemy.Alchemy.select;
import static dev.alchemy.Alchemy.update;
import static dev.alchemy.types.SqlTypes.INTEGER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.alchemy.dialect.Dialect;
import dev.alchemy.exc.ArgumentError;
import dev.alchemy.exc.CompileError;
import dev.alchemy.schema.Column;
import dev.alchemy.schema.Table;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * What cannot be compiled fails with a {@link CompileError} (or, for a join without a usable foreign key, an {@link
 * ArgumentError} when it is built) whose message names the table and what to change.
 */
class StatementsThatCannotCompileTest {

    final CoreFixture f = new CoreFixture();
    final Table users = f.users;
    final Table addresses = f.addresses;

    /** SQLite's dialect, but without the features named: a stand-in for a database that lacks them. */
    static Dialect without(String... features) {
        Set<String> off = Set.of(features);
        return (Dialect) Proxy.newProxyInstance(
                Dialect.class.getClassLoader(), new Class<?>[] {Dialect.class}, (proxy, method, args) -> {
                    if (off.contains(method.getName())) {
                        return false;
                    }
                    try {
                        return method.invoke(CoreFixture.SQLITE, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    @Test
    void anUpdateWithoutValues() {
        assertThatThrownBy(() ->
                        SqlCompiler.compile(update(users).where(users.c("id").eq(1)), CoreFixture.SQLITE))
                .isInstanceOf(CompileError.class)
                .hasMessage("UPDATE users has no values to SET; give them with values(...)");
    }

    @Test
    void returningOnADatabaseWithoutIt() {
        Dialect noReturning = without("supportsReturning");
        assertThatThrownBy(() -> SqlCompiler.compile(
                        insert(users).values(Map.of("name", "x")).returning(users.c("id")), noReturning))
                .isInstanceOf(CompileError.class)
                .hasMessage("RETURNING is not supported by the sqlite dialect (INSERT INTO users)");
        assertThatThrownBy(() -> SqlCompiler.compile(
                        update(users).values(Map.of("name", "x")).returning(users.c("id")), noReturning))
                .isInstanceOf(CompileError.class)
                .hasMessageContaining("(UPDATE users)");
        assertThatThrownBy(() -> SqlCompiler.compile(delete(users).returning(users.c("id")), noReturning))
                .isInstanceOf(CompileError.class)
                .hasMessageContaining("(DELETE FROM users)");
        assertThat(SqlCompiler.compile(insert(users).values(Map.of("name", "x")), noReturning)
                        .sql())
                .isEqualTo("INSERT INTO users (name) VALUES (?)");
    }

    @Test
    void anUpsertOnADatabaseWithoutIt() {
        Dialect noUpsert = without("supportsOnConflict");
        assertThatThrownBy(() -> SqlCompiler.compile(
                        insert(users).values(Map.of("id", 1)).onConflictDoNothing("id"), noUpsert))
                .isInstanceOf(CompileError.class)
                .hasMessage("the sqlite dialect has no INSERT ... ON CONFLICT (upsert into users)");
    }

    @Test
    void updateFromAndDeleteUsingWhereTheDatabaseHasNeither() {
        Dialect neither = without("supportsUpdateFrom", "supportsDeleteUsing");
        assertThatThrownBy(() -> SqlCompiler.compile(
                        update(users)
                                .values(Map.of("name", "x"))
                                .where(users.c("id").eq(addresses.c("user_id"))),
                        neither))
                .isInstanceOf(CompileError.class)
                .hasMessageContaining("cannot UPDATE users with conditions on other tables [addresses]");
        assertThatThrownBy(() -> SqlCompiler.compile(
                        delete(users).where(users.c("id").eq(addresses.c("user_id"))), CoreFixture.SQLITE))
                .isInstanceOf(CompileError.class)
                .hasMessageContaining("cannot DELETE FROM users with conditions on other tables [addresses]")
                .hasMessageContaining("use a subquery");
    }

    @Test
    void aJoinWithoutAForeignKeyNamesBothTables() {
        Table notes = Table.of("notes", f.metadata, Column.of("id", INTEGER).primaryKey());
        assertThatThrownBy(() -> users.join(notes))
                .isInstanceOf(ArgumentError.class)
                .hasMessageStartingWith("can't find any foreign key between 'users' and 'notes'");
        assertThatThrownBy(() -> select(users.c("id")).join(notes))
                .isInstanceOf(ArgumentError.class)
                .hasMessageContaining("'users' and 'notes'");
    }

    @Test
    void aJoinWithSeveralForeignKeysAsksForTheOnClause() {
        Table messages = Table.of(
                "messages",
                f.metadata,
                Column.of("id", INTEGER).primaryKey(),
                Column.of("sender_id", INTEGER).references("users.id"),
                Column.of("recipient_id", INTEGER).references("users.id"));
        assertThatThrownBy(() -> users.join(messages))
                .isInstanceOf(ArgumentError.class)
                .hasMessageStartingWith("can't determine the join between 'users' and 'messages': they have 2 foreign "
                        + "keys between them; give the ON clause explicitly");
        assertThat(select(users.c("name"))
                        .join(messages, messages.c("sender_id").eq(users.c("id")))
                        .toString())
                .isEqualTo("SELECT users.name \nFROM users JOIN messages ON messages.sender_id = users.id");
    }

    @Test
    void aSelectNeedsSomethingToSelectAndACompoundMatchingColumns() {
        assertThatThrownBy(() -> select()).isInstanceOf(ArgumentError.class);
        assertThatThrownBy(() -> select(users.c("id")).union(select(users.c("id"), users.c("name"))))
                .isInstanceOf(ArgumentError.class)
                .hasMessageContaining("same number of columns");
        assertThat(List.of(select(users.c("id")).limit(0).toString())).isNotEmpty();
    }
}
