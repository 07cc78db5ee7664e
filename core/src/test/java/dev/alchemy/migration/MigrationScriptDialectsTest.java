package dev.alchemy.migration;

import static org.assertj.core.api.Assertions.assertThat;

import dev.alchemy.dialect.mysql.MariadbDialect;
import dev.alchemy.dialect.mysql.MysqlDialect;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * MySQL's and MariaDB's words for each change, without a server: the round trips in {@link MigrationRoundTripTest}
 * apply them to the embedded MariaDB.
 */
class MigrationScriptDialectsTest {

    private static final ColumnDef ID = new ColumnDef("id", "INTEGER", false, null, true);
    private static final ColumnDef AUTHOR = new ColumnDef("author_id", "INTEGER", true, null, false);
    private static final ConstraintDef.PrimaryKey KEY = new ConstraintDef.PrimaryKey(null, List.of("id"));
    private static final ConstraintDef.ForeignKey GENERATED_KEY = new ConstraintDef.ForeignKey(
            "posts_ibfk_1", List.of("author_id"), null, "users", List.of("id"), null, null);

    private static TableDef posts(List<ConstraintDef> constraints, List<IndexDef> indexes, ColumnDef... more) {
        List<ColumnDef> columns = new java.util.ArrayList<>(List.of(ID, AUTHOR));
        columns.addAll(List.of(more));
        return new TableDef(null, "posts", columns, KEY, constraints, indexes);
    }

    private static List<String> render(TableDef before, TableDef after, TableChange... changes) {
        SchemaDiff diff = new SchemaDiff(
                new MariadbDialect(),
                List.of(new MigrationOp.ModifyTable(before, after, List.of(changes))),
                Map.of(before.name(), before));
        return MigrationScript.render(diff).statements().stream()
                .map(MigrationScript.Statement::sql)
                .toList();
    }

    @Test
    void aColumnChangesWithModifyColumnWhichRestatesIt() {
        ColumnDef from = new ColumnDef("title", "VARCHAR(20)", true, null, false);
        ColumnDef to = new ColumnDef("title", "VARCHAR(100)", false, "'untitled'", false);
        assertThat(render(
                        posts(List.of(), List.of(), from),
                        posts(List.of(), List.of(), to),
                        new TableChange.AlterColumn(from, to)))
                .containsExactly("ALTER TABLE posts MODIFY COLUMN title VARCHAR(100) DEFAULT 'untitled' NOT NULL");
        // the key keeps its AUTO_INCREMENT when restated
        ColumnDef bigId = new ColumnDef("id", "BIGINT", false, null, true);
        assertThat(render(
                        posts(List.of(), List.of()),
                        posts(List.of(), List.of()),
                        new TableChange.AlterColumn(ID, bigId)))
                .containsExactly("ALTER TABLE posts MODIFY COLUMN id BIGINT NOT NULL AUTO_INCREMENT");
    }

    @Test
    void aForeignKeyIsDroppedWithTheIndexInnodbMadeForIt() {
        TableDef before = posts(List.of(GENERATED_KEY), List.of());
        assertThat(render(before, posts(List.of(), List.of()), new TableChange.DropConstraint(GENERATED_KEY)))
                .containsExactly(
                        "ALTER TABLE posts DROP FOREIGN KEY posts_ibfk_1", "ALTER TABLE posts DROP INDEX author_id");
        // a named key's index has the key's name; no index is dropped where one of the table's own served the key
        ConstraintDef.ForeignKey named = new ConstraintDef.ForeignKey(
                "fk_posts_author", List.of("author_id"), null, "users", List.of("id"), "CASCADE", null);
        assertThat(render(
                        posts(List.of(named), List.of()),
                        posts(List.of(), List.of()),
                        new TableChange.DropConstraint(named)))
                .containsExactly(
                        "ALTER TABLE posts DROP FOREIGN KEY fk_posts_author",
                        "ALTER TABLE posts DROP INDEX fk_posts_author");
        IndexDef own = new IndexDef("ix_posts_author_id", List.of("author_id", "id"), false);
        assertThat(render(
                        posts(List.of(named), List.of(own)),
                        posts(List.of(), List.of(own)),
                        new TableChange.DropConstraint(named)))
                .containsExactly("ALTER TABLE posts DROP FOREIGN KEY fk_posts_author");
    }

    @Test
    void constraintsGoAsMysqlKeepsThem() {
        ConstraintDef.Unique unique = new ConstraintDef.Unique(null, List.of("author_id"));
        ConstraintDef.Check check = new ConstraintDef.Check("ck_posts_author", "author_id > 0");
        TableDef before = posts(List.of(), List.of());
        TableDef after = posts(List.of(unique, check), List.of());
        // an unnamed constraint gets a name, so that the downgrade can drop it
        assertThat(render(before, after, new TableChange.AddConstraint(unique), new TableChange.AddConstraint(check)))
                .containsExactly(
                        "ALTER TABLE posts ADD CONSTRAINT posts_author_id_key UNIQUE (author_id)",
                        "ALTER TABLE posts ADD CONSTRAINT ck_posts_author CHECK (author_id > 0)");
        assertThat(render(after, before, new TableChange.DropConstraint(unique), new TableChange.DropConstraint(check)))
                .containsExactly(
                        "ALTER TABLE posts DROP INDEX posts_author_id_key",
                        "ALTER TABLE posts DROP CONSTRAINT ck_posts_author");
        IndexDef index = new IndexDef("ix_posts_author_id", List.of("author_id"), false);
        assertThat(render(posts(List.of(), List.of(index)), before, new TableChange.DropIndex(index)))
                .containsExactly("DROP INDEX ix_posts_author_id ON posts");
    }

    @Test
    void aReplacedPrimaryKeyIsDroppedAndAddedInOneStatement() {
        ConstraintDef.PrimaryKey pair = new ConstraintDef.PrimaryKey(null, List.of("id", "author_id"));
        TableDef after = new TableDef(null, "posts", List.of(ID, AUTHOR), pair, List.of(), List.of());
        // an AUTO_INCREMENT column must stay in a key: MySQL refuses DROP PRIMARY KEY alone
        assertThat(render(
                        posts(List.of(), List.of()),
                        after,
                        new TableChange.DropConstraint(KEY),
                        new TableChange.AddConstraint(pair)))
                .containsExactly("ALTER TABLE posts DROP PRIMARY KEY, ADD PRIMARY KEY (id, author_id)");
    }

    @Test
    void newTablesAreInnodbWithTheirAutoIncrement() {
        TableDef users = new TableDef(
                null,
                "users",
                List.of(ID, new ColumnDef("name", "VARCHAR(50)", false, null, false)),
                KEY,
                List.of(),
                List.of(new IndexDef("ix_users_name", List.of("name"), false)));
        SchemaDiff diff = new SchemaDiff(new MysqlDialect(), List.of(new MigrationOp.CreateTable(users)), Map.of());
        MigrationScript script = MigrationScript.render(diff);
        assertThat(script.statements().stream().map(MigrationScript.Statement::sql))
                .containsExactly("""
                        CREATE TABLE users (
                        \tid INTEGER NOT NULL AUTO_INCREMENT,\s
                        \tname VARCHAR(50) NOT NULL,\s
                        \tPRIMARY KEY (id)
                        )ENGINE=InnoDB""", "CREATE INDEX ix_users_name ON users (name)");
        assertThat(script.sql()).contains("-- MySQL and MariaDB commit each ALTER, CREATE and DROP by itself");
    }
}
