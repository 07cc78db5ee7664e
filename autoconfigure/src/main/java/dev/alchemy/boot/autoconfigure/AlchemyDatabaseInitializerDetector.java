package dev.alchemy.boot.autoconfigure;

import java.util.Set;
import org.springframework.boot.sql.init.dependency.AbstractBeansOfTypeDatabaseInitializerDetector;

/**
 * Tells Spring Boot that {@link AlchemySchemaInitializer} initializes the database. Ordered after Flyway's and
 * Liquibase's detectors (order 0 and 1) and before the one of {@code schema.sql}/{@code data.sql}
 * ({@code LOWEST_PRECEDENCE - 100}), so migrations run first, then {@code createAll}, then the SQL scripts.
 */
class AlchemyDatabaseInitializerDetector extends AbstractBeansOfTypeDatabaseInitializerDetector {

    static final int ORDER = 100;

    @Override
    protected Set<Class<?>> getDatabaseInitializerBeanTypes() {
        return Set.of(AlchemySchemaInitializer.class);
    }

    @Override
    public int getOrder() {
        return ORDER;
    }
}
