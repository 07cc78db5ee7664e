package dev.alchemy.boot.autoconfigure;

import dev.alchemy.orm.Session;
import dev.alchemy.orm.SessionFactory;
import java.util.Set;
import org.springframework.boot.sql.init.dependency.AbstractBeansOfTypeDependsOnDatabaseInitializationDetector;

/**
 * Tells Spring Boot that sessions need an initialized database: the {@code SessionFactory} and {@code Session} beans
 * are created after every database initializer (Flyway, Liquibase, {@link AlchemySchemaInitializer},
 * {@code schema.sql}/{@code data.sql}) has run.
 */
class AlchemyDependsOnDatabaseInitializationDetector
        extends AbstractBeansOfTypeDependsOnDatabaseInitializationDetector {

    @Override
    protected Set<Class<?>> getDependsOnDatabaseInitializationBeanTypes() {
        return Set.of(SessionFactory.class, Session.class);
    }
}
