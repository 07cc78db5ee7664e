package dev.alchemy.boot.autoconfigure;

import dev.alchemy.engine.Engine;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.transaction.autoconfigure.TransactionManagerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.jdbc.support.SQLExceptionTranslator;

/**
 * Alchemy in a Spring Boot application: an {@link Engine} over the application's one {@code DataSource} (the pool
 * Boot built from {@code spring.datasource.*}, the application's own bean, or the default of
 * {@link AlchemyDataSourceAutoConfiguration}), whose connections take part in Spring transactions through
 * {@link SpringConnectionProvider}; translation of Alchemy and SQLite errors to Spring's
 * {@code DataAccessException}s. Backs off when there are several {@code DataSource}s and none is {@code @Primary}.
 */
@AutoConfiguration(after = DataSourceAutoConfiguration.class)
@ConditionalOnClass({Engine.class, DataSource.class, DataSourceUtils.class})
@ConditionalOnSingleCandidate(DataSource.class)
@EnableConfigurationProperties(AlchemyProperties.class)
public final class AlchemyAutoConfiguration {

    @Bean(destroyMethod = "dispose")
    @ConditionalOnMissingBean
    Engine engine(DataSource dataSource, AlchemyProperties properties, ObjectProvider<EngineCustomizer> customizers) {
        return SpringEngines.create(
                dataSource, properties, customizers.orderedStream().toList());
    }

    @Bean
    @ConditionalOnMissingBean(SQLExceptionTranslator.class)
    AlchemySQLExceptionTranslator alchemySqlExceptionTranslator(DataSource dataSource) {
        return new AlchemySQLExceptionTranslator(dataSource);
    }

    @Bean
    @ConditionalOnMissingBean
    AlchemyExceptionTranslator alchemyExceptionTranslator(ObjectProvider<SQLExceptionTranslator> translator) {
        return new AlchemyExceptionTranslator(translator.getIfUnique(AlchemySQLExceptionTranslator::new));
    }

    /** Gives Boot's {@code JdbcTransactionManager} the same translator, for errors raised at commit. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass({TransactionManagerCustomizer.class, JdbcTransactionManager.class})
    static class TransactionManagerTranslation {

        @Bean
        TransactionManagerCustomizer<JdbcTransactionManager> alchemyTransactionManagerCustomizer(
                ObjectProvider<SQLExceptionTranslator> translator) {
            return manager -> translator.ifUnique(manager::setExceptionTranslator);
        }
    }
}
