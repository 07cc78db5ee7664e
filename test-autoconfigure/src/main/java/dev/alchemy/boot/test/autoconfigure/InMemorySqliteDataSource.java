package dev.alchemy.boot.test.autoconfigure;

import dev.alchemy.engine.EngineDialect;
import dev.alchemy.engine.EngineOptions;
import dev.alchemy.engine.URL;
import java.sql.Connection;
import java.sql.SQLException;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * A test's own in-memory SQLite database, opened as {@code alchemy.url=sqlite:///:memory:} opens it (foreign keys on,
 * one named shared-cache database that every connection sees), and kept alive by one connection of its own until the
 * test's application context closes.
 */
final class InMemorySqliteDataSource extends DriverManagerDataSource implements InitializingBean, DisposableBean {

    private @Nullable Connection anchor;

    InMemorySqliteDataSource() {
        EngineDialect.ConnectionSpec spec = EngineDialect.forName("sqlite")
                .connectionSpec(URL.parse("sqlite:///:memory:"), EngineOptions.defaults());
        setDriverClassName(spec.driverClassName());
        setUrl(spec.jdbcUrl());
        setConnectionProperties(spec.properties());
    }

    @Override
    public synchronized void afterPropertiesSet() throws SQLException {
        anchor = getConnection();
    }

    @Override
    public synchronized void destroy() throws SQLException {
        Connection connection = anchor;
        anchor = null;
        if (connection != null) {
            connection.close(); // the last connection: SQLite drops the database
        }
    }
}
