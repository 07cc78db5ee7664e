package dev.alchemy.boot.autoconfigure;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Makes a HikariCP pool of an SQLite database that has not started yet open its connections with foreign keys on,
 * as the engine's own pool opens them (sqlite-jdbc's {@code foreign_keys} driver property, applied as the connection
 * opens, before any transaction): the pool Spring Boot builds from {@code spring.datasource.url=jdbc:sqlite:...}, or
 * an application's own. Then even {@code JdbcTemplate} outside a transaction has them. A {@code foreign_keys} the
 * application set itself (in the URL or as {@code spring.datasource.hikari.data-source-properties.foreign_keys}) is
 * left as it is; a pool already started is covered by {@link ConnectionInitializer} instead.
 */
final class SqlitePoolForeignKeys implements BeanPostProcessor {

    static final String PROPERTY = "foreign_keys";

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof HikariDataSource pool && !pool.isRunning() && !pool.isClosed()) {
            String url = pool.getJdbcUrl();
            if (url != null
                    && url.startsWith("jdbc:sqlite:")
                    && !url.contains(PROPERTY + "=")
                    && !pool.getDataSourceProperties().containsKey(PROPERTY)) {
                try {
                    pool.addDataSourceProperty(PROPERTY, "true");
                } catch (IllegalStateException sealed) {
                    // started meanwhile: ConnectionInitializer prepares its connections
                }
            }
        }
        return bean;
    }
}
