package dev.alchemy.migration;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.alchemy.dialect.mysql.MariadbDialect;
import dev.alchemy.dialect.mysql.MysqlDialect;
import dev.alchemy.exc.CompileError;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Scripts are written for SQLite and PostgreSQL; for MariaDB and MySQL, whose ALTER TABLE differs, rendering says
 * so rather than writing PostgreSQL's statements (issue 20).
 */
class MigrationScriptDialectsTest {

    @Test
    void mariadbAndMysqlScriptsAreRefusedInTheUsersTerms() {
        assertThatThrownBy(() -> MigrationScript.render(new SchemaDiff(new MariadbDialect(), List.of(), Map.of())))
                .isInstanceOf(CompileError.class)
                .hasMessageContaining("SQLite and PostgreSQL only, not yet for mariadb")
                .hasMessageContaining("write this migration by hand");
        assertThatThrownBy(() -> MigrationScript.render(new SchemaDiff(new MysqlDialect(), List.of(), Map.of())))
                .isInstanceOf(CompileError.class)
                .hasMessageContaining("not yet for mysql");
    }
}
