package dev.alchemy.schema;

import static dev.alchemy.types.SqlTypes.BIGINT;
import static dev.alchemy.types.SqlTypes.INTEGER;
import static dev.alchemy.types.SqlTypes.VARCHAR;
import static dev.alchemy.types.SqlTypes.string;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.alchemy.exc.ArgumentError;
import dev.alchemy.exc.NoReferencedColumnError;
import dev.alchemy.exc.NoReferencedTableError;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** What a Table checks when it is built, and SQLAlchemy's autoincrement rule. No database. */
class TableDefinitionTest {

    MetaData metadata = new MetaData();

    @Test
    void duplicateColumnIsNamedWithItsTable() {
        assertThatThrownBy(() -> Table.of("t", metadata, Column.of("a", INTEGER), Column.of("a", VARCHAR)))
                .isInstanceOf(ArgumentError.class)
                .hasMessage("table 't' has two columns named 'a'");
    }

    @Test
    void unknownColumnInAConstraintOrIndexNamesTableAndColumn() {
        assertThatThrownBy(() -> Table.of("t", metadata, Column.of("a", INTEGER), UniqueConstraint.of("a", "b")))
                .isInstanceOf(ArgumentError.class)
                .hasMessage("unique constraint of table 't' names column 'b', which the table does not have; its"
                        + " columns: [a]");
        assertThatThrownBy(() -> Table.of(
                        "t2",
                        metadata,
                        Column.of("a", INTEGER),
                        ForeignKeyConstraint.of(List.of("x"), List.of("p.id")).name("fk_x")))
                .hasMessageStartingWith("foreign key 'fk_x' of table 't2' names column 'x'");
        assertThatThrownBy(() -> Table.of("t3", metadata, Column.of("a", INTEGER), Index.of("ix_t3", "a", "c")))
                .hasMessageStartingWith("index 'ix_t3' of table 't3' names column 'c'");
        assertThatThrownBy(() -> Table.of("t4", metadata, Column.of("a", INTEGER), PrimaryKeyConstraint.of("id")))
                .hasMessageStartingWith("the primary key constraint of table 't4' names column 'id'");
        assertThat(metadata.tables()).isEmpty(); // a rejected table is not added
    }

    @Test
    void malformedForeignKeyTargetNamesTheColumn() {
        assertThatThrownBy(() -> Table.of(
                        "posts", metadata, Column.of("user_id", INTEGER).references("users")))
                .isInstanceOf(ArgumentError.class)
                .hasMessage("the foreign key of column 'posts.user_id' must name its target as 'table.column' (or"
                        + " 'schema.table.column'), got 'users'");
        assertThatThrownBy(() -> ForeignKeyConstraint.of(List.of("a"), List.of("users.")))
                .isInstanceOf(ArgumentError.class)
                .hasMessageContaining("'users.'");
        assertThatThrownBy(() -> ForeignKeyConstraint.of(List.of("a", "b"), List.of("x.id")))
                .hasMessageContaining("as many referred columns as local ones");
        assertThatThrownBy(() -> ForeignKey.to("users.id").onDelete("EXPLODE"))
                .hasMessage("onDelete must be one of CASCADE, SET NULL, SET DEFAULT, RESTRICT, NO ACTION; got"
                        + " 'EXPLODE'");
        assertThat(ForeignKey.to("users.id").onDelete("set  null").onDelete()).isEqualTo("SET NULL");
    }

    @Test
    void foreignKeyToAnUnknownTableOrColumnFailsWhenSorted() {
        Table.of(
                "posts",
                metadata,
                Column.of("id", INTEGER).primaryKey(),
                Column.of("user_id", INTEGER).references("users.id"));
        assertThatThrownBy(metadata::sortedTables)
                .isInstanceOf(NoReferencedTableError.class)
                .hasMessage("foreign key [user_id] of table 'posts' refers to table 'users', which is not in this"
                        + " MetaData; its tables: [posts]");
        Table.of("users", metadata, Column.of("uid", INTEGER).primaryKey());
        assertThatThrownBy(metadata::sortedTables)
                .isInstanceOf(NoReferencedColumnError.class)
                .hasMessage("foreign key [user_id] of table 'posts' refers to column 'users.id', which that table"
                        + " does not have; its columns: [uid]");
    }

    @Test
    void foreignKeyToAColumnObject() {
        Table users = Table.of("users", metadata, Column.of("id", INTEGER).primaryKey());
        Table posts =
                Table.of("posts", metadata, Column.of("user_id", INTEGER).references(ForeignKey.to(users.c("id"))));
        assertThat(posts.foreignKeys().get(0).referredTable()).isEqualTo("users");
        assertThatThrownBy(() -> ForeignKey.to(Column.of("id", INTEGER))).hasMessageContaining("belongs to none yet");
    }

    @Test
    void aColumnBelongsToOneTable() {
        Table users = Table.of("users", metadata, Column.of("id", INTEGER).primaryKey());
        assertThatThrownBy(() -> Table.of("other", metadata, users.c("id")))
                .hasMessage("column 'id' already belongs to table 'users'; define a new Column for table 'other'");
    }

    @Test
    void aTableNameIsUniqueInItsMetaData() {
        Table.of("users", metadata, Column.of("id", INTEGER));
        assertThatThrownBy(() -> Table.of("users", metadata, Column.of("id", INTEGER)))
                .hasMessage("table 'users' is already defined in this MetaData");
        Table.inSchema("other", "users", metadata, Column.of("id", INTEGER)); // another schema is another name
        assertThat(metadata.tableNames()).containsExactly("users", "other.users");
    }

    @Test
    void primaryKeyColumnsAreNotNullUnlessSaidOtherwise() {
        Table t = Table.of(
                "t",
                metadata,
                Column.of("id", INTEGER).primaryKey(),
                Column.of("a", INTEGER),
                Column.of("b", INTEGER).notNull());
        assertThat(t.c("id").isNullable()).isFalse();
        assertThat(t.c("a").isNullable()).isTrue();
        assertThat(t.c("b").isNullable()).isFalse();
    }

    @Test
    void primaryKeyConstraintAndColumnFlagsMustAgree() {
        assertThatThrownBy(() -> Table.of(
                        "t",
                        metadata,
                        Column.of("a", INTEGER).primaryKey(),
                        Column.of("b", INTEGER),
                        PrimaryKeyConstraint.of("b")))
                .hasMessage("column 't.a' is marked primaryKey() but the table's primary key constraint names [b];"
                        + " name it there too, or remove one");
    }

    /** SQLAlchemy's {@code _autoincrement_column}: the sole integer key column, unless something says otherwise. */
    @Test
    void autoincrementFollowsSqlalchemysRule() {
        assertThat(Table.of("a1", metadata, Column.of("id", INTEGER).primaryKey())
                        .autoincrementColumn())
                .isNotNull();
        assertThat(Table.of("a2", metadata, Column.of("id", BIGINT).primaryKey())
                        .autoincrementColumn())
                .isNotNull();
        assertThat(Table.of("a3", metadata, Column.of("id", string(5)).primaryKey())
                        .autoincrementColumn())
                .isNull();
        assertThat(Table.of(
                                "a4",
                                metadata,
                                Column.of("a", INTEGER).primaryKey(),
                                Column.of("b", INTEGER).primaryKey())
                        .autoincrementColumn())
                .as("composite: never by default")
                .isNull();
        assertThat(Table.of(
                                "a5",
                                metadata,
                                Column.of("id", INTEGER).primaryKey().autoincrement(false))
                        .autoincrementColumn())
                .isNull();
        Table.of("parent", metadata, Column.of("id", INTEGER).primaryKey());
        assertThat(Table.of(
                                "a6",
                                metadata,
                                Column.of("id", INTEGER).primaryKey().references("parent.id"))
                        .autoincrementColumn())
                .as("a key that is also a foreign key")
                .isNull();
        assertThat(Table.of(
                                "a7",
                                metadata,
                                Column.of("id", INTEGER).primaryKey().defaultValue(7))
                        .autoincrementColumn())
                .as("a key with a Java-side default")
                .isNull();
        assertThat(Table.of(
                                "a8",
                                metadata,
                                Column.of("id", INTEGER).primaryKey().serverDefault("7"))
                        .autoincrementColumn())
                .as("a key with a server default")
                .isNull();
        Table explicit = Table.of(
                "a9",
                metadata,
                Column.of("a", INTEGER).primaryKey(),
                Column.of("b", INTEGER).primaryKey().autoincrement(true));
        assertThat(explicit.autoincrementColumn()).isSameAs(explicit.c("b"));
        assertThat(explicit.c("b").isAutoincrement()).isTrue();
        assertThat(explicit.c("a").isAutoincrement()).isFalse();
    }

    @Test
    void autoincrementMisuseIsAnError() {
        assertThatThrownBy(() -> Table.of(
                        "b1", metadata, Column.of("code", VARCHAR).primaryKey().autoincrement(true)))
                .hasMessage("column type VARCHAR of column 'b1.code' is not compatible with autoincrement(true);"
                        + " only integer columns autoincrement");
        assertThatThrownBy(() -> Table.of(
                        "b2",
                        metadata,
                        Column.of("a", INTEGER).primaryKey().autoincrement(true),
                        Column.of("b", INTEGER).primaryKey().autoincrement(true)))
                .hasMessage("only one column of table 'b2' may be marked autoincrement(true), found both 'a' and 'b'");
        assertThatThrownBy(() -> Table.of(
                        "b3",
                        metadata,
                        Column.of("id", INTEGER).primaryKey(),
                        Column.of("n", INTEGER).autoincrement(true)))
                .hasMessage("column 'b3.n' is marked autoincrement(true) but is not part of the primary key");
    }

    @Test
    void javaSideDefaultsFillWhatAnInsertLeavesOut() {
        AtomicInteger counter = new AtomicInteger();
        Table t = Table.of(
                "t",
                metadata,
                Column.of("id", INTEGER).primaryKey(),
                Column.of("status", VARCHAR).defaultValue("new"),
                Column.of("seq", INTEGER).defaultSupplier(counter::incrementAndGet),
                Column.of("note", VARCHAR));
        assertThat(t.withDefaults(Map.of("note", "x")))
                .containsExactly(Map.entry("note", "x"), Map.entry("status", "new"), Map.entry("seq", 1));
        assertThat(t.withDefaults(Map.of("status", "old")))
                .containsEntry("status", "old")
                .containsEntry("seq", 2);
        assertThat(t.c("status").hasDefault()).isTrue();
        assertThat(t.c("note").hasDefault()).isFalse();
        assertThatThrownBy(() -> t.withDefaults(Map.of("nope", 1)))
                .hasMessageStartingWith("table 't' has no column 'nope'");
    }

    @Test
    void columnShortcutsBecomeConstraintsAndIndexes() {
        Table t = Table.of(
                "t",
                metadata,
                Column.of("id", INTEGER).primaryKey(),
                Column.of("email", VARCHAR).unique(),
                Column.of("name", VARCHAR).index(),
                Column.of("code", VARCHAR).unique().index());
        assertThat(t.constraints())
                .containsExactly(new PrimaryKeyConstraint(null, List.of("id")), UniqueConstraint.of("email"));
        assertThat(t.uniqueConstraints()).containsExactly(UniqueConstraint.of("email"));
        assertThat(t.indexes()).containsExactly(Index.of("ix_t_name", "name"), Index.unique("ix_t_code", "code"));
        assertThat(t.primaryKeyConstraint()).isEqualTo(new PrimaryKeyConstraint(null, List.of("id")));
    }

    /** §1.16: {@code sorted_tables} breaks ties by name; a cycle is ordered as if its keys were absent. */
    @Test
    void sortedTablesPutsParentsFirstAndBreaksTiesByName() {
        Table.of("zeta", metadata, Column.of("id", INTEGER).primaryKey());
        Table.of(
                "beta",
                metadata,
                Column.of("id", INTEGER).primaryKey(),
                Column.of("z", INTEGER).references("zeta.id"));
        Table.of("alpha", metadata, Column.of("id", INTEGER).primaryKey());
        Table.of(
                "gamma",
                metadata,
                Column.of("id", INTEGER).primaryKey(),
                Column.of("b", INTEGER).references("beta.id"),
                Column.of("a", INTEGER).references("alpha.id"));
        // SQLAlchemy 1.4 prints ['alpha', 'zeta', 'beta', 'gamma'] for this MetaData
        assertThat(metadata.sortedTables()).extracting(Table::name).containsExactly("alpha", "zeta", "beta", "gamma");
    }

    @Test
    void cyclesAndUseAlterDoNotStopSorting() {
        Table.of(
                "b",
                metadata,
                Column.of("id", INTEGER).primaryKey(),
                Column.of("a_id", INTEGER).references("a.id"));
        Table.of(
                "a",
                metadata,
                Column.of("id", INTEGER).primaryKey(),
                Column.of("b_id", INTEGER).references("b.id"));
        Table.of(
                "c",
                metadata,
                Column.of("id", INTEGER).primaryKey(),
                Column.of("a_id", INTEGER).references("a.id"));
        Table.of(
                "d",
                metadata,
                Column.of("id", INTEGER).primaryKey(),
                Column.of("e_id", INTEGER).references(ForeignKey.to("e.id").useAlter(true)));
        Table.of(
                "e",
                metadata,
                Column.of("id", INTEGER).primaryKey(),
                Column.of("d_id", INTEGER).references("d.id"));
        assertThat(metadata.sortedTables()).extracting(Table::name).containsExactly("a", "b", "d", "c", "e");
    }
}
