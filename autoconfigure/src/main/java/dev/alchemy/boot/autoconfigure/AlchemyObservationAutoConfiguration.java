package dev.alchemy.boot.autoconfigure;

import dev.alchemy.boot.autoconfigure.observation.FlushObservationConvention;
import dev.alchemy.boot.autoconfigure.observation.ObservingOrmObserver;
import dev.alchemy.boot.autoconfigure.observation.QueryObservationConvention;
import dev.alchemy.orm.SessionFactory;
import io.micrometer.observation.ObservationRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Alchemy's flushes and ORM queries as Micrometer observations, when the application has an
 * {@link ObservationRegistry} (Spring Boot's, with {@code spring-boot-micrometer-observation} or an actuator, or its
 * own bean): the session factory of {@link AlchemyAutoConfiguration} gets an {@link ObservingOrmObserver} (through a
 * {@link SessionFactoryCustomizer}), and the engine a statement listener that puts each query's SQL on its
 * observation. Conventions come from beans of {@link FlushObservationConvention} and
 * {@link QueryObservationConvention} when the application defines them. Without a registry nothing is installed and
 * sessions observe nothing.
 */
@AutoConfiguration(
        before = AlchemyAutoConfiguration.class,
        afterName = "org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration")
@ConditionalOnClass({ObservationRegistry.class, SessionFactory.class})
@ConditionalOnBean(ObservationRegistry.class)
public final class AlchemyObservationAutoConfiguration {

    /** Not for use: an auto-configuration. */
    AlchemyObservationAutoConfiguration() {}

    @Bean
    @ConditionalOnMissingBean
    ObservingOrmObserver alchemyOrmObserver(
            ObservationRegistry registry,
            ObjectProvider<FlushObservationConvention> flushConvention,
            ObjectProvider<QueryObservationConvention> queryConvention) {
        return ObservingOrmObserver.create(registry, flushConvention.getIfUnique(), queryConvention.getIfUnique());
    }

    @Bean
    SessionFactoryCustomizer alchemyObservationSessionFactoryCustomizer(ObservingOrmObserver observer) {
        return factory -> factory.withObserver(observer);
    }

    @Bean
    EngineCustomizer alchemyObservationEngineCustomizer(ObservingOrmObserver observer) {
        return engine -> engine.addStatementListener(observer.statementListener());
    }
}
