package dev.alchemy.boot.autoconfigure;

import com.zaxxer.hikari.HikariConfigMXBean;
import com.zaxxer.hikari.HikariDataSource;
import dev.alchemy.engine.EngineDialect;
import dev.alchemy.engine.URL;
import dev.alchemy.exc.ArgumentError;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.diagnostics.FailureAnalyzedException;
import org.springframework.boot.jdbc.DataSourceUnwrapper;
import org.springframework.jdbc.datasource.AbstractDriverBasedDataSource;
import org.springframework.util.ClassUtils;
import org.springframework.util.StringUtils;

/**
 * Finds the dialect of the application's data source once, at start-up: {@code alchemy.dialect} when set, else the
 * JDBC URL of the pool (no connection needed), else the product name of the database on one connection.
 */
final class DialectDetector {

    static final String DIALECT_PROPERTY = "alchemy.dialect";

    private static final boolean HIKARI_PRESENT =
            ClassUtils.isPresent("com.zaxxer.hikari.HikariDataSource", DialectDetector.class.getClassLoader());

    private DialectDetector() {}

    static EngineDialect detect(DataSource dataSource, @Nullable String configured) {
        if (StringUtils.hasText(configured)) {
            try {
                return EngineDialect.forName(configured.strip().toLowerCase(Locale.ROOT));
            } catch (ArgumentError e) {
                throw new InvalidConfigurationPropertyValueException(DIALECT_PROPERTY, configured, e.getMessage(), e);
            }
        }
        String jdbcUrl = jdbcUrl(dataSource);
        if (jdbcUrl != null) {
            try {
                return EngineDialect.forName(URL.parse(jdbcUrl).backendName());
            } catch (ArgumentError notNamedByUrl) {
                // e.g. a proxy driver's URL (jdbc:p6spy:..., jdbc:tc:...): ask the database itself
            }
        }
        String product = productName(dataSource, jdbcUrl);
        try {
            return EngineDialect.forProductName(product);
        } catch (ArgumentError e) {
            throw new FailureAnalyzedException(
                    "Alchemy has no dialect for the application's database '" + product + "'"
                            + (jdbcUrl != null ? " at " + redacted(jdbcUrl) : "") + ": " + e.getMessage(),
                    "Point spring.datasource.url at a database Alchemy supports, set " + DIALECT_PROPERTY
                            + " if the database is one of them behind a wrapper, or exclude "
                            + AlchemyAutoConfiguration.class.getSimpleName() + ".",
                    e);
        }
    }

    private static @Nullable String jdbcUrl(DataSource dataSource) {
        if (HIKARI_PRESENT) {
            HikariDataSource hikari =
                    DataSourceUnwrapper.unwrap(dataSource, HikariConfigMXBean.class, HikariDataSource.class);
            if (hikari != null) {
                return hikari.getJdbcUrl();
            }
        }
        AbstractDriverBasedDataSource driverBased =
                DataSourceUnwrapper.unwrap(dataSource, AbstractDriverBasedDataSource.class);
        return driverBased != null ? driverBased.getUrl() : null;
    }

    private static String productName(DataSource dataSource, @Nullable String jdbcUrl) {
        try (Connection connection = dataSource.getConnection()) {
            return connection.getMetaData().getDatabaseProductName();
        } catch (SQLException e) {
            throw new FailureAnalyzedException(
                    "Alchemy could not connect to the application's DataSource"
                            + (jdbcUrl != null ? " (" + redacted(jdbcUrl) + ")" : "")
                            + " to find out which database it is: " + e.getMessage(),
                    "Check spring.datasource.url and the database, or set " + DIALECT_PROPERTY
                            + " ('sqlite', 'postgresql') so that no connection is needed at start-up.",
                    e);
        }
    }

    private static String redacted(String jdbcUrl) {
        try {
            return URL.parse(jdbcUrl).toString();
        } catch (ArgumentError e) {
            return "its JDBC URL";
        }
    }
}
