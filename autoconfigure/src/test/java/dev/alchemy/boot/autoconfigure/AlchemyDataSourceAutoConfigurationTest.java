package dev.alchemy.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.diagnostics.FailureAnalyzedException;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

class AlchemyDataSourceAutoConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(
                    AutoConfigurations.of(AlchemyDataSourceAutoConfiguration.class, DataSourceAutoConfiguration.class));

    @TempDir
    Path dir;

    @Test
    void zeroConfigurationGivesAnSqliteFilePoolInTheWorkingDirectory() {
        runner.run(context -> {
            assertThat(context).hasSingleBean(DataSource.class).hasBean("dataSource");
            HikariDataSource pool = context.getBean(HikariDataSource.class);
            assertThat(pool.getJdbcUrl()).isEqualTo("jdbc:sqlite:alchemy.db");
            assertThat(pool.getPoolName()).isEqualTo("alchemy");
            assertThat(pool.getDataSourceProperties())
                    .containsEntry("foreign_keys", "true")
                    .containsEntry("journal_mode", "WAL")
                    .containsEntry("busy_timeout", "5000");
            // the pool is lazy: nothing is written until the application connects
            assertThat(pool.isRunning()).isFalse();
        });
    }

    @Test
    void fileDatabaseHasForeignKeysWalAndBusyTimeoutOnEveryConnection() {
        Path file = dir.resolve("nested/dirs/app.db");
        runner.withPropertyValues("alchemy.url=sqlite:///" + file).run(context -> {
            DataSource dataSource = context.getBean(DataSource.class);
            try (Connection connection = dataSource.getConnection()) {
                assertThat(pragma(connection, "foreign_keys")).isEqualTo("1");
                assertThat(pragma(connection, "journal_mode")).isEqualTo("wal");
                assertThat(pragma(connection, "busy_timeout")).isEqualTo("5000");
            }
            assertThat(file).exists();
        });
    }

    @Test
    void jdbcUrlInAlchemyUrlIsAccepted() {
        Path file = dir.resolve("jdbc.db");
        runner.withPropertyValues("alchemy.url=jdbc:sqlite:" + file).run(context -> {
            assertThat(context.getBean(HikariDataSource.class).getJdbcUrl()).isEqualTo("jdbc:sqlite:" + file);
            try (Connection connection = context.getBean(DataSource.class).getConnection()) {
                assertThat(pragma(connection, "foreign_keys")).isEqualTo("1");
            }
        });
    }

    @Test
    void memoryDatabaseIsOneDatabaseSharedByThePoolUntilTheContextCloses() {
        runner.withPropertyValues("alchemy.url=sqlite:///:memory:").run(context -> {
            DataSource dataSource = context.getBean(DataSource.class);
            try (Connection first = dataSource.getConnection();
                    Statement statement = first.createStatement()) {
                statement.execute("CREATE TABLE shared (id INTEGER PRIMARY KEY)");
                statement.execute("INSERT INTO shared (id) VALUES (1)");
                try (Connection second = dataSource.getConnection();
                        ResultSet rows = second.createStatement().executeQuery("SELECT count(*) FROM shared")) {
                    assertThat(second).isNotSameAs(first);
                    rows.next();
                    assertThat(rows.getInt(1)).isEqualTo(1);
                }
            }
            // with every pooled connection closed, the anchor connection keeps the database alive
            context.getBean(HikariDataSource.class).getHikariPoolMXBean().softEvictConnections();
            try (Connection again = dataSource.getConnection();
                    ResultSet rows = again.createStatement().executeQuery("SELECT count(*) FROM shared")) {
                rows.next();
                assertThat(rows.getInt(1)).isEqualTo(1);
            }
        });
    }

    @Test
    void springDatasourceHikariPropertiesTuneThePool() {
        runner.withPropertyValues(
                        "alchemy.url=sqlite:///" + dir.resolve("tuned.db"),
                        "spring.datasource.hikari.maximum-pool-size=3")
                .run(context -> assertThat(
                                context.getBean(HikariDataSource.class).getMaximumPoolSize())
                        .isEqualTo(3));
    }

    @Test
    void springDatasourceUrlWinsOverTheDefault() {
        String url = "jdbc:sqlite:" + dir.resolve("boot.db");
        runner.withPropertyValues("spring.datasource.url=" + url, "alchemy.url=sqlite:///ignored.db")
                .run(context -> {
                    HikariDataSource pool = context.getBean(HikariDataSource.class);
                    assertThat(pool.getJdbcUrl()).isEqualTo(url);
                    assertThat(pool).isNotInstanceOf(AlchemyDataSources.AnchoredHikariDataSource.class);
                });
    }

    @Test
    void usersDataSourceBeanWins() {
        runner.withUserConfiguration(UserDataSource.class).run(context -> {
            assertThat(context).hasSingleBean(DataSource.class);
            assertThat(context.getBean(DataSource.class)).isInstanceOf(SimpleDriverDataSource.class);
        });
    }

    @Test
    void connectionDetailsBeanWins() {
        runner.withUserConfiguration(UserConnectionDetails.class)
                .run(context -> assertThat(
                                context.getBean(HikariDataSource.class).getJdbcUrl())
                        .isEqualTo("jdbc:sqlite:from-details.db"));
    }

    @Test
    void backsOffWithoutHikari() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(AlchemyDataSourceAutoConfiguration.class))
                .withClassLoader(new FilteredClassLoader(HikariDataSource.class))
                .run(context -> assertThat(context).doesNotHaveBean(DataSource.class));
    }

    @Test
    void malformedUrlNamesTheProperty() {
        runner.withPropertyValues("alchemy.url=not a url")
                .run(context ->
                        assertThat(context).getFailure().rootCause().isInstanceOf(dev.alchemy.exc.ArgumentError.class));
        runner.withPropertyValues("alchemy.url=not a url").run(context -> {
            InvalidConfigurationPropertyValueException failure =
                    findCause(context.getStartupFailure(), InvalidConfigurationPropertyValueException.class);
            assertThat(failure.getName()).isEqualTo("alchemy.url");
            assertThat(failure.getReason()).contains("could not parse database URL");
        });
    }

    @Test
    void unknownDialectNamesThePropertyAndTheKnownDialects() {
        runner.withPropertyValues("alchemy.url=oracle://scott:tiger@db/orcl").run(context -> {
            InvalidConfigurationPropertyValueException failure =
                    findCause(context.getStartupFailure(), InvalidConfigurationPropertyValueException.class);
            assertThat(failure.getName()).isEqualTo("alchemy.url");
            assertThat(failure.getValue()).isEqualTo("oracle://scott:***@db/orcl");
            assertThat(failure.getReason())
                    .contains("'oracle'")
                    .contains("sqlite")
                    .contains("postgresql");
        });
    }

    @Test
    void missingDriverNamesTheDependencyToAdd() {
        // the PostgreSQL driver is on the test class path (PostgresqlApplicationTest); the application's is without it
        runner.withClassLoader(new FilteredClassLoader("org.postgresql"))
                .withPropertyValues("alchemy.url=postgresql://scott:tiger@localhost/app")
                .run(context -> {
                    FailureAnalyzedException failure =
                            findCause(context.getStartupFailure(), FailureAnalyzedException.class);
                    assertThat(failure.getMessage())
                            .contains("alchemy.url")
                            .contains("org.postgresql.Driver")
                            .doesNotContain("tiger");
                    assertThat(failure.analysis().getAction()).contains("org.postgresql:postgresql");
                });
    }

    static <T extends Throwable> T findCause(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        throw new AssertionError("no " + type.getSimpleName() + " in " + failure, failure);
    }

    static String pragma(Connection connection, String name) throws SQLException {
        try (ResultSet rows = connection.createStatement().executeQuery("PRAGMA " + name)) {
            rows.next();
            return rows.getString(1);
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class UserDataSource {
        @Bean
        SimpleDriverDataSource userDataSource() {
            return new SimpleDriverDataSource(new org.sqlite.JDBC(), "jdbc:sqlite::memory:");
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class UserConnectionDetails {
        @Bean
        JdbcConnectionDetails connectionDetails() {
            return new JdbcConnectionDetails() {
                @Override
                public @Nullable String getUsername() {
                    return null;
                }

                @Override
                public @Nullable String getPassword() {
                    return null;
                }

                @Override
                public String getJdbcUrl() {
                    return "jdbc:sqlite:from-details.db";
                }
            };
        }
    }
}
