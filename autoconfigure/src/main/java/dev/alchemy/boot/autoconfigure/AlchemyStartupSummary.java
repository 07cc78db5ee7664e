package dev.alchemy.boot.autoconfigure;

import dev.alchemy.engine.Engine;
import dev.alchemy.engine.URL;
import dev.alchemy.exc.ArgumentError;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.List;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;

/**
 * One line at INFO once the application's beans are ready: the database and the dialect, the models found (how many,
 * in which packages) and the tables {@code createAll} created or found, e.g.
 *
 * <pre>
 * Alchemy: dialect sqlite, SQLite 3.50.3 at jdbc:sqlite:data/demo.db; 2 models in dev.alchemy.demo (Address, User);
 * tables created: addresses, users
 * </pre>
 *
 * It opens one connection for the database's name and version, only when INFO is on for this logger.
 */
final class AlchemyStartupSummary implements SmartInitializingSingleton {

    private static final Log logger = LogFactory.getLog(AlchemyStartupSummary.class);

    private final Engine engine;
    private final ObjectProvider<DataSource> dataSource;
    private final ObjectProvider<AlchemyModels> models;
    private final ObjectProvider<AlchemySchemaInitializer> schema;

    AlchemyStartupSummary(
            Engine engine,
            ObjectProvider<DataSource> dataSource,
            ObjectProvider<AlchemyModels> models,
            ObjectProvider<AlchemySchemaInitializer> schema) {
        this.engine = engine;
        this.dataSource = dataSource;
        this.models = models;
        this.schema = schema;
    }

    /** @return whether the summary is logged, so that the schema initializer notes which tables it created */
    static boolean enabled() {
        return logger.isInfoEnabled();
    }

    @Override
    public void afterSingletonsInstantiated() {
        if (enabled()) {
            logger.info(summary());
        }
    }

    String summary() {
        StringBuilder line =
                new StringBuilder("Alchemy: dialect ").append(engine.dialect().name());
        String database = database(dataSource.getIfUnique());
        if (database != null) {
            line.append(", ").append(database);
        }
        AlchemyModels found = models.getIfUnique();
        if (found != null) {
            List<Class<?>> classes = found.models();
            line.append("; ").append(classes.size()).append(classes.size() == 1 ? " model" : " models");
            List<String> packages = found.packages();
            if (!packages.isEmpty()) {
                line.append(" in ").append(String.join(", ", packages));
            }
            if (!classes.isEmpty()) {
                line.append(classes.stream()
                        .map(Class::getSimpleName)
                        .sorted()
                        .collect(Collectors.joining(", ", " (", ")")));
            }
        }
        AlchemySchemaInitializer initializer = schema.getIfUnique();
        if (initializer != null && initializer.created() != null) {
            line.append("; tables created: ").append(list(initializer.created()));
            line.append("; found: ").append(list(initializer.existing()));
        } else if (found != null && initializer == null) {
            line.append("; createAll off");
        }
        return line.toString();
    }

    private static String list(@Nullable List<String> names) {
        return names == null || names.isEmpty() ? "none" : String.join(", ", names);
    }

    /** @return the database's name and version and its URL without credentials, null when it cannot be reached */
    private static @Nullable String database(@Nullable DataSource dataSource) {
        if (dataSource == null) {
            return null;
        }
        try (Connection connection = dataSource.getConnection()) {
            DatabaseMetaData metadata = connection.getMetaData();
            String url = metadata.getURL();
            return metadata.getDatabaseProductName() + " " + metadata.getDatabaseProductVersion()
                    + (url != null ? " at " + redacted(url) : "");
        } catch (SQLException | RuntimeException e) {
            return "database not reachable for the summary (" + e.getMessage() + ")";
        }
    }

    private static String redacted(String jdbcUrl) {
        try {
            String shown = URL.parse(jdbcUrl).toString();
            int query = shown.indexOf('?');
            return query < 0 ? shown : shown.substring(0, query);
        } catch (ArgumentError e) {
            int query = jdbcUrl.indexOf('?');
            return query < 0 ? jdbcUrl : jdbcUrl.substring(0, query);
        }
    }
}
