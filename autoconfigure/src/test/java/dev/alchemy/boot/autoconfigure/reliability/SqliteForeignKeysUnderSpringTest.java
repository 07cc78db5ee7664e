package dev.alchemy.boot.autoconfigure.reliability;

import static dev.alchemy.Alchemy.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.alchemy.boot.autoconfigure.AlchemyAutoConfiguration;
import dev.alchemy.boot.autoconfigure.AlchemyDataSourceAutoConfiguration;
import dev.alchemy.engine.Connection;
import dev.alchemy.engine.Engine;
import dev.alchemy.exc.IntegrityError;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;
import org.springframework.boot.transaction.autoconfigure.TransactionManagerCustomizationAutoConfiguration;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.SQLExceptionTranslator;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.sqlite.SQLiteDataSource;

/**
 * SQLite enforces foreign keys only on connections that turned them on, outside a transaction. With a DataSource that
 * Spring Boot built from {@code spring.datasource.url=jdbc:sqlite:...}, or the application's own, every connection
 * Alchemy or Spring's transaction manager uses has them on: a child row pointing at a missing parent is refused, in a
 * Spring transaction and outside one, through Alchemy and through {@code JdbcTemplate}; and turning them on never
 * commits what a transaction had written.
 */
class SqliteForeignKeysUnderSpringTest {

    @TempDir
    Path dir;

    final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(
                    AlchemyDataSourceAutoConfiguration.class,
                    DataSourceAutoConfiguration.class,
                    TransactionManagerCustomizationAutoConfiguration.class,
                    DataSourceTransactionManagerAutoConfiguration.class,
                    TransactionAutoConfiguration.class,
                    AlchemyAutoConfiguration.class))
            .withPropertyValues("alchemy.schema.create-all=false");

    String jdbcUrl(String name) {
        return "jdbc:sqlite:" + dir.resolve(name);
    }

    /** Every way a child row without its parent can be written is refused. */
    void childWithoutParentIsRefused(AssertableApplicationContext context) {
        assertThat(context).hasNotFailed();
        Engine engine = context.getBean(Engine.class);
        DataSource dataSource = context.getBean(DataSource.class);
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        jdbc.setExceptionTranslator(context.getBean(SQLExceptionTranslator.class)); // as Boot's JdbcTemplate has it
        TransactionTemplate tx = new TransactionTemplate(context.getBean(PlatformTransactionManager.class));
        try (Connection conn = engine.connect()) {
            conn.execute(text("CREATE TABLE IF NOT EXISTS parent (id INTEGER PRIMARY KEY)"));
            conn.execute(text("CREATE TABLE IF NOT EXISTS child (id INTEGER PRIMARY KEY, "
                    + "parent_id INTEGER NOT NULL REFERENCES parent (id))"));
            conn.commit();
        }
        // Alchemy outside a Spring transaction
        try (Connection conn = engine.connect()) {
            assertThatThrownBy(() -> conn.execute(text("INSERT INTO child (id, parent_id) VALUES (1, 99)")))
                    .isInstanceOf(IntegrityError.class)
                    .hasMessageContaining("FOREIGN KEY");
        }
        // Alchemy in a Spring transaction, first on its connection
        assertThatThrownBy(() -> tx.executeWithoutResult(status -> {
                    try (Connection conn = engine.connect()) {
                        conn.execute(text("INSERT INTO child (id, parent_id) VALUES (2, 99)"));
                    }
                }))
                .isInstanceOf(IntegrityError.class);
        // JdbcTemplate in a Spring transaction
        assertThatThrownBy(() -> tx.executeWithoutResult(
                        status -> jdbc.update("INSERT INTO child (id, parent_id) VALUES (3, 99)")))
                .isInstanceOf(DataIntegrityViolationException.class);
        // a transaction that wrote first: turning foreign keys on committed nothing of it
        assertThatThrownBy(() -> tx.executeWithoutResult(status -> {
                    jdbc.update("INSERT INTO parent (id) VALUES (7)");
                    try (Connection conn = engine.connect()) {
                        conn.execute(text("INSERT INTO child (id, parent_id) VALUES (4, 99)"));
                    }
                }))
                .isInstanceOf(IntegrityError.class);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM parent", Integer.class))
                .isZero();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM child", Integer.class))
                .isZero();
        // and a valid child is accepted
        tx.executeWithoutResult(status -> {
            try (Connection conn = engine.connect()) {
                conn.execute(text("INSERT INTO parent (id) VALUES (1)"));
                conn.execute(text("INSERT INTO child (id, parent_id) VALUES (5, 1)"));
            }
        });
        assertThat(jdbc.queryForObject("SELECT count(*) FROM child", Integer.class))
                .isOne();
    }

    @Test
    void bootsPoolFromSpringDatasourceUrl() {
        runner.withPropertyValues("spring.datasource.url=" + jdbcUrl("boot.db")).run(context -> {
            assertThat(context.getBean(DataSource.class)).isInstanceOf(HikariDataSource.class);
            childWithoutParentIsRefused(context);
        });
    }

    @Test
    void bootsPoolWithoutAutoCommit() {
        // sqlite-jdbc begins a transaction as soon as auto-commit is off: PRAGMA foreign_keys would do nothing
        runner.withPropertyValues(
                        "spring.datasource.url=" + jdbcUrl("no-autocommit.db"),
                        "spring.datasource.hikari.auto-commit=false")
                .run(this::childWithoutParentIsRefused);
    }

    @Test
    void applicationsOwnSqliteDataSource() {
        runner.withBean(DataSource.class, () -> {
                    SQLiteDataSource dataSource = new SQLiteDataSource();
                    dataSource.setUrl(jdbcUrl("own.db"));
                    return dataSource;
                })
                .run(this::childWithoutParentIsRefused);
    }

    @Test
    void applicationsOwnStartedPoolWithoutAutoCommit() {
        runner.withBean(
                        "dataSource",
                        HikariDataSource.class,
                        () -> {
                            HikariConfig config = new HikariConfig();
                            config.setJdbcUrl(jdbcUrl("own-pool.db"));
                            config.setAutoCommit(false);
                            config.setMaximumPoolSize(2);
                            return new HikariDataSource(config); // started: its settings are sealed
                        },
                        definition -> definition.setDestroyMethodName("close"))
                .run(this::childWithoutParentIsRefused);
    }
}
