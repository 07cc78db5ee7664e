package dev.alchemy.dialect.mysql;

import static dev.alchemy.Alchemy.select;
import static dev.alchemy.types.SqlTypes.INTEGER;
import static dev.alchemy.types.SqlTypes.VARCHAR;
import static dev.alchemy.types.SqlTypes.string;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.alchemy.dialect.Dialect;
import dev.alchemy.engine.EngineDialect;
import dev.alchemy.exc.CompileError;
import dev.alchemy.schema.Column;
import dev.alchemy.schema.DDL;
import dev.alchemy.schema.MetaData;
import dev.alchemy.schema.Table;
import dev.alchemy.sql.Insert;
import dev.alchemy.sql.SqlCompiler;
import dev.alchemy.types.SqlTypes;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * What the MySQL dialect writes, without a server: SQLAlchemy's MySQL SQL and DDL, and the difference between the
 * MySQL and MariaDB flavours as the dialect assumes them before an engine has connected.
 */
class MysqlDialectCompileTest {

    static final Dialect MYSQL = Dialect.of(EngineDialect.forName("mysql"));
    static final Dialect MARIADB = Dialect.of(EngineDialect.forName("mariadb"));

    final MetaData metadata = new MetaData();
    final Table users = Table.of(
            "users",
            metadata,
            Column.of("id", INTEGER).primaryKey(),
            Column.of("name", string(50)).notNull(),
            Column.of("Order", string(10)));

    @Test
    void ddlUsesBackticksAutoIncrementAndInnodb() {
        assertThat(DDL.createTableSql(users, MARIADB))
                .isEqualTo("CREATE TABLE users (\n\tid INTEGER NOT NULL AUTO_INCREMENT, \n\tname VARCHAR(50) NOT NULL, "
                        + "\n\t`Order` VARCHAR(10), \n\tPRIMARY KEY (id)\n)ENGINE=InnoDB");
        assertThat(MYSQL.quoteIdentifier("select")).isEqualTo("`select`");
        assertThat(MYSQL.quoteIdentifier("we`ird")).isEqualTo("`we``ird`");
        assertThat(MYSQL.quoteIdentifier("plain_name")).isEqualTo("plain_name");
    }

    @Test
    void aVarcharWithoutLengthIsACompileErrorNamingTheColumn() {
        Table notes =
                Table.of("notes", new MetaData(), Column.of("id", INTEGER).primaryKey(), Column.of("body", VARCHAR));
        assertThatThrownBy(() -> DDL.createTableSql(notes, MYSQL))
                .isInstanceOf(CompileError.class)
                .hasMessageContaining("column 'notes.body' (VARCHAR)")
                .hasMessageContaining("VARCHAR requires a length on MySQL and MariaDB");
        Table prices = Table.of(
                "prices", new MetaData(), Column.of("id", INTEGER).primaryKey(), Column.of("amount", SqlTypes.NUMERIC));
        assertThatThrownBy(() -> DDL.createTableSql(prices, MARIADB))
                .isInstanceOf(CompileError.class)
                .hasMessageContaining("column 'prices.amount'")
                .hasMessageContaining("DECIMAL(10, 0) and round every fraction away");
    }

    @Test
    void typesKeepEveryValueWhole() {
        assertThat(MARIADB.ddlType(SqlTypes.forJavaType(LocalDateTime.class))).isEqualTo("DATETIME(6)");
        assertThat(MARIADB.ddlType(SqlTypes.forJavaType(OffsetDateTime.class))).isEqualTo("DATETIME(6)");
        assertThat(MARIADB.ddlType(SqlTypes.BOOLEAN)).isEqualTo("BOOL");
        assertThat(MARIADB.ddlType(SqlTypes.TEXT)).isEqualTo("LONGTEXT");
        assertThat(MARIADB.ddlType(SqlTypes.numeric(12, 2))).isEqualTo("NUMERIC(12, 2)");
        assertThat(MARIADB.ddlType(SqlTypes.forJavaType(Double.class))).isEqualTo("DOUBLE");
        // a Float too: MariaDB sends a FLOAT in a result with 6 significant digits (TypeRoundTripTest)
        assertThat(MYSQL.ddlType(SqlTypes.forJavaType(Float.class))).isEqualTo("DOUBLE");
        assertThat(MYSQL.ddlType(SqlTypes.floatType(10))).isEqualTo("FLOAT(10)");
        assertThat(MARIADB.ddlType(SqlTypes.JSON)).isEqualTo("JSON");
        // MariaDB 10.7+ has a UUID type; MySQL stores SQLAlchemy's 32 hex digits
        assertThat(MARIADB.ddlType(SqlTypes.forJavaType(UUID.class))).isEqualTo("UUID");
        assertThat(MYSQL.ddlType(SqlTypes.forJavaType(UUID.class))).isEqualTo("CHAR(32)");
        assertThat(MYSQL.castType(INTEGER)).isEqualTo("SIGNED INTEGER");
        assertThat(MYSQL.castType(SqlTypes.forJavaType(BigDecimal.class))).isEqualTo("DECIMAL(65, 30)");
    }

    @Test
    void limitOffsetAndLocksAsSqlalchemyWritesThem() {
        assertThat(SqlCompiler.compile(select(users.c("id")).limit(5), MYSQL).sql())
                .isEqualTo("SELECT users.id \nFROM users \n LIMIT ?");
        assertThat(SqlCompiler.compile(select(users.c("id")).limit(5).offset(10), MYSQL)
                        .sql())
                .isEqualTo("SELECT users.id \nFROM users \n LIMIT ?, ?");
        assertThat(SqlCompiler.compile(select(users.c("id")).offset(10), MYSQL).sql())
                .isEqualTo("SELECT users.id \nFROM users \n LIMIT ?, 18446744073709551615");
        assertThat(SqlCompiler.compile(select(users.c("id")).withForUpdate(false, true, false), MYSQL)
                        .sql())
                .endsWith(" FOR UPDATE SKIP LOCKED");
        assertThat(SqlCompiler.compile(select(users.c("id")).withForUpdate(true, false, true), MYSQL)
                        .sql())
                .endsWith(" FOR SHARE NOWAIT");
        assertThat(SqlCompiler.compile(select(users.c("id")).withForUpdate(true, false, true), MARIADB)
                        .sql())
                .endsWith(" LOCK IN SHARE MODE NOWAIT");
    }

    @Test
    void concatenationIsTheConcatFunctionBecausePipesAreAnOr() {
        // MySQL's || is a logical OR (unless sql_mode has PIPES_AS_CONCAT): 'a' || 'b' is 0, and LIKE '%' || ?
        // is a syntax error. SQLAlchemy's MySQL compiler writes concat(a, b).
        assertThat(SqlCompiler.compile(select(users.c("name").concat("!")), MARIADB)
                        .sql())
                .isEqualTo("SELECT concat(users.name, ?) AS anon_1 \nFROM users");
        assertThat(SqlCompiler.compile(
                                select(users.c("id")).where(users.c("name").startsWith("a_", true)), MYSQL)
                        .sql())
                .endsWith("WHERE (users.name LIKE concat(?, '%') ESCAPE '/')");
        assertThat(SqlCompiler.compile(
                                select(users.c("id")).where(users.c("name").endsWith("b")), MARIADB)
                        .sql())
                .endsWith("WHERE (users.name LIKE concat('%', ?))");
        assertThat(SqlCompiler.compile(
                                select(users.c("id")).where(users.c("name").contains("c")), MARIADB)
                        .sql())
                .endsWith("WHERE (users.name LIKE concat('%', ?, '%'))");
        assertThat(SqlCompiler.compile(
                                select(users.c("id"))
                                        .where(users.c("name").plus("x").eq("ax")),
                                MYSQL)
                        .sql())
                .endsWith("WHERE (concat(users.name, ?)) = ?"); // parenthesised as a || is
    }

    @Test
    void upsertIsOnDuplicateKeyUpdate() {
        Insert upsert = Insert.into(users).values(Map.of("id", 1, "name", "Alice"));
        assertThat(SqlCompiler.compile(
                                upsert.onConflictDoUpdate(List.of("id"), Map.of("name", upsert.excluded("name"))),
                                MYSQL)
                        .sql())
                .isEqualTo("INSERT INTO users (id, name) VALUES (?, ?) ON DUPLICATE KEY UPDATE name = VALUES(name)");
        assertThat(SqlCompiler.compile(upsert.onConflictDoNothing("id"), MYSQL).sql())
                .isEqualTo("INSERT INTO users (id, name) VALUES (?, ?) ON DUPLICATE KEY UPDATE id = id");
        assertThatThrownBy(() -> SqlCompiler.compile(upsert.onConstraintConflictDoNothing("uq_name"), MYSQL))
                .isInstanceOf(CompileError.class)
                .hasMessageContaining("cannot name the conflicting constraint");
    }

    @Test
    void returningOnlyWhereTheServerHasIt() {
        Insert insert = Insert.into(users).values(Map.of("name", "Alice")).returning(users.c("id"));
        assertThat(SqlCompiler.compile(insert, MARIADB).sql())
                .isEqualTo("INSERT INTO users (name) VALUES (?) RETURNING id");
        assertThatThrownBy(() -> SqlCompiler.compile(insert, MYSQL))
                .isInstanceOf(CompileError.class)
                .hasMessageContaining("RETURNING is not supported by the mysql dialect");
        assertThatThrownBy(() -> SqlCompiler.compile(
                        dev.alchemy.Alchemy.update(users)
                                .values(Map.of("name", "B"))
                                .returning(users.c("id")),
                        MARIADB))
                .isInstanceOf(CompileError.class)
                .hasMessageContaining("UPDATE users");
    }

    @Test
    void theServerDecidesTheFlavour() {
        MysqlServer maria = MysqlServer.parse("11.4.5-MariaDB", 1, 1);
        assertThat(maria.mariadb()).isTrue();
        assertThat(maria.returning()).isTrue();
        assertThat(maria.consecutiveKeys()).isTrue();
        MysqlServer oldMaria = MysqlServer.parse("5.5.5-10.4.32-MariaDB-log", 1, 1);
        assertThat(oldMaria.major()).isEqualTo(10);
        assertThat(oldMaria.returning()).isFalse();
        assertThat(oldMaria.sequences()).isTrue();
        MysqlServer mysql = MysqlServer.parse("8.0.36", 2, 1);
        assertThat(mysql.mariadb()).isFalse();
        assertThat(mysql.returning()).isFalse();
        assertThat(mysql.forShare()).isTrue();
        assertThat(mysql.consecutiveKeys()).isFalse();
    }

    @Test
    void hiddenValuesAreTakenOutOfServerMessagesButNamesStay() {
        assertThat(MysqlErrors.withoutValues("Duplicate entry 'it''s \\'me' for key 'users.email'"))
                .isEqualTo("Duplicate entry '?' for key 'users.email'");
        assertThat(MysqlErrors.withoutValues("Incorrect integer value: 'abc' for column `db`.`t`.`n` at row 1"))
                .isEqualTo("Incorrect integer value: '?' for column `db`.`t`.`n` at row 1");
        assertThat(MysqlErrors.withoutValues("Truncated incorrect DOUBLE value: '1x'"))
                .isEqualTo("Truncated incorrect DOUBLE value: '?'");
        assertThat(MysqlErrors.withoutValues("Data too long for column 'name' at row 1"))
                .isEqualTo("Data too long for column 'name' at row 1");
    }
}
