package dev.alchemy.boot.autoconfigure;

import com.zaxxer.hikari.HikariDataSource;
import dev.alchemy.engine.EngineDialect;
import dev.alchemy.engine.EngineOptions;
import dev.alchemy.engine.URL;
import dev.alchemy.exc.ArgumentError;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.diagnostics.FailureAnalyzedException;
import org.springframework.util.ClassUtils;

/** Builds the default pool for {@code alchemy.url} with the connection settings of the URL's dialect. */
final class AlchemyDataSources {

    static final String URL_PROPERTY = "alchemy.url";

    private AlchemyDataSources() {}

    /**
     * @param text the URL
     * @param classLoader where to look for the driver: the application's class loader
     */
    static HikariDataSource create(String text, @Nullable ClassLoader classLoader) {
        return create(URL_PROPERTY, text, classLoader);
    }

    /**
     * @param property the property that holds the URL, named in errors
     * @param text the URL
     * @param classLoader where to look for the driver: the application's class loader
     */
    static HikariDataSource create(String property, String text, @Nullable ClassLoader classLoader) {
        URL url = parse(property, text);
        EngineDialect dialect = dialect(property, url);
        EngineDialect.ConnectionSpec spec = dialect.connectionSpec(url, EngineOptions.defaults());
        if (!ClassUtils.isPresent(spec.driverClassName(), classLoader)) {
            throw new FailureAnalyzedException(
                    property + " '" + url + "' needs the " + dialect.name() + " JDBC driver " + spec.driverClassName()
                            + ", which is not on the class path.",
                    "Add the dependency " + spec.driverArtifact() + ", or change " + property + ".");
        }
        if (dialect.name().equals("sqlite") && !url.isJdbc() && !spec.sharedMemoryDatabase()) {
            createParentDirectories(url, text);
        }
        AnchoredHikariDataSource dataSource = new AnchoredHikariDataSource();
        dataSource.setPoolName("alchemy");
        dataSource.setJdbcUrl(spec.jdbcUrl());
        dataSource.setDriverClassName(spec.driverClassName());
        dataSource.setDataSourceProperties(spec.properties());
        if (spec.sharedMemoryDatabase()) {
            dataSource.anchor(spec);
        }
        return dataSource;
    }

    private static URL parse(String property, String text) {
        try {
            return URL.parse(text);
        } catch (ArgumentError e) {
            throw new InvalidConfigurationPropertyValueException(property, text, e.getMessage(), e);
        }
    }

    private static EngineDialect dialect(String property, URL url) {
        try {
            return EngineDialect.forName(url.backendName());
        } catch (ArgumentError e) {
            throw new InvalidConfigurationPropertyValueException(
                    property,
                    url.toString(),
                    "Alchemy has no dialect '" + url.backendName() + "': " + e.getMessage(),
                    e);
        }
    }

    private static void createParentDirectories(URL url, String text) {
        String database = url.database();
        if (database == null) {
            return;
        }
        Path parent = Path.of(database).toAbsolutePath().getParent();
        if (parent == null) {
            return;
        }
        try {
            Files.createDirectories(parent);
        } catch (IOException e) {
            throw new InvalidConfigurationPropertyValueException(
                    URL_PROPERTY, text, "cannot create the directory " + parent + " for the database file: " + e, e);
        }
    }

    /**
     * A pool that also holds one connection of its own for a shared in-memory SQLite database, which SQLite drops
     * as soon as its last connection closes (HikariCP retires connections after {@code maxLifetime}).
     */
    static final class AnchoredHikariDataSource extends HikariDataSource {

        private @Nullable Connection anchor;

        synchronized void anchor(EngineDialect.ConnectionSpec spec) {
            try {
                anchor = DriverManager.getConnection(spec.jdbcUrl(), spec.properties());
            } catch (SQLException e) {
                throw new FailureAnalyzedException(
                        "Could not open the in-memory database of " + URL_PROPERTY + ": " + e.getMessage(),
                        "Check " + URL_PROPERTY + ".",
                        e);
            }
        }

        @Override
        public void close() {
            try {
                super.close();
            } finally {
                closeAnchor();
            }
        }

        private synchronized void closeAnchor() {
            Connection connection = anchor;
            anchor = null;
            if (connection != null) {
                try {
                    connection.close();
                } catch (SQLException ignored) {
                    // the in-memory database is being thrown away; nothing to report
                }
            }
        }
    }
}
