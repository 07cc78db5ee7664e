package dev.alchemy.boot.autoconfigure;

import com.zaxxer.hikari.HikariDataSource;
import dev.alchemy.engine.Engine;
import dev.alchemy.orm.MapperEvents;
import dev.alchemy.orm.Session;
import dev.alchemy.orm.SessionEvents;
import dev.alchemy.orm.SessionFactory;
import javax.sql.DataSource;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.sql.init.dependency.DatabaseInitializationDependencyConfigurer;
import org.springframework.boot.transaction.autoconfigure.TransactionManagerCustomizer;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Role;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.jdbc.support.SQLExceptionTranslator;
import org.springframework.transaction.TransactionExecutionListener;

/**
 * Alchemy in a Spring Boot application: an {@link Engine} over the application's one {@code DataSource} (the pool
 * Boot built from {@code spring.datasource.*}, the application's own bean, or the default of
 * {@link AlchemyDataSourceAutoConfiguration}), whose connections take part in Spring transactions through
 * {@link SpringConnectionProvider}; translation of Alchemy and SQLite errors to Spring's
 * {@code DataAccessException}s. Backs off when there are several {@code DataSource}s and none is {@code @Primary}.
 *
 * <p>For the ORM: the application's model classes ({@link AlchemyModels}, found by scanning), their tables created
 * at start-up ({@link AlchemySchemaInitializer}, ordered by Boot's database initialization after Flyway and
 * Liquibase and before {@code data.sql}), a {@link SessionFactory}, and the shared {@link Session} that
 * {@code @Transactional} services inject ({@link SharedSession}). Every bean backs off when the application defines
 * its own.
 */
@AutoConfiguration(after = DataSourceAutoConfiguration.class)
@ConditionalOnClass({Engine.class, DataSource.class, DataSourceUtils.class})
@ConditionalOnSingleCandidate(DataSource.class)
@EnableConfigurationProperties(AlchemyProperties.class)
@Import(DatabaseInitializationDependencyConfigurer.class)
public final class AlchemyAutoConfiguration {

    @Bean(destroyMethod = "dispose")
    @ConditionalOnMissingBean
    Engine engine(
            DataSource dataSource,
            AlchemyProperties properties,
            ObjectProvider<EngineCustomizer> customizers,
            ObjectProvider<ConnectionInitializer> initializer) {
        return SpringEngines.create(
                dataSource, properties, customizers.orderedStream().toList(), initializer.getIfUnique());
    }

    /**
     * Each connection of the application's {@code DataSource} gets the dialect's set-up (SQLite: foreign keys on)
     * once, before anything runs in its transaction; a listener of Spring's transactions, the first of Alchemy's.
     */
    @Bean
    @ConditionalOnClass(TransactionExecutionListener.class)
    ConnectionInitializer alchemyConnectionInitializer(DataSource dataSource, AlchemyProperties properties) {
        return new ConnectionInitializer(dataSource, properties);
    }

    /** The SQLite connections of a HikariCP pool not yet started are opened with foreign keys on. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(HikariDataSource.class)
    static class SqlitePools {

        @Bean
        static SqlitePoolForeignKeys alchemySqlitePoolForeignKeys() {
            return new SqlitePoolForeignKeys();
        }
    }

    /** One INFO line at start-up: the database, the models and the tables created. */
    @Bean
    AlchemyStartupSummary alchemyStartupSummary(
            Engine engine,
            ObjectProvider<DataSource> dataSource,
            ObjectProvider<AlchemyModels> models,
            ObjectProvider<AlchemySchemaInitializer> schema) {
        return new AlchemyStartupSummary(engine, dataSource, models, schema);
    }

    /** Spring's BEGIN/COMMIT/ROLLBACK in the engine's log, at INFO with {@code alchemy.echo}. */
    @Bean
    @ConditionalOnClass(TransactionExecutionListener.class)
    TransactionEchoListener alchemyTransactionEchoListener(AlchemyProperties properties) {
        return new TransactionEchoListener(properties.isEcho());
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

    /**
     * Alchemy exceptions that leave {@code @Transactional} methods become {@code DataAccessException}s. Static and
     * infrastructure: auto-proxy creators look for advisors before ordinary beans exist.
     */
    @Bean
    @Role(BeanDefinition.ROLE_INFRASTRUCTURE)
    @ConditionalOnMissingBean
    static TransactionalExceptionTranslationAdvisor alchemyTransactionalExceptionTranslationAdvisor(
            ObjectProvider<AlchemyExceptionTranslator> translator) {
        return new TransactionalExceptionTranslationAdvisor(translator);
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

    /** The ORM: models, their tables, the session factory and the shared session. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(SessionFactory.class)
    static class OrmConfiguration {

        @Bean
        @ConditionalOnMissingBean
        AlchemyModels alchemyModels(ApplicationContext context, AlchemyProperties properties) {
            return ModelScanner.scan(context, properties.getModels().getPackages());
        }

        @Bean
        @ConditionalOnMissingBean
        @Conditional(SchemaModeCondition.class)
        AlchemySchemaInitializer alchemySchemaInitializer(
                Engine engine, AlchemyModels models, AlchemyProperties properties, ListableBeanFactory beans) {
            return new AlchemySchemaInitializer(engine, models, SchemaModes.resolve(properties, beans));
        }

        @Bean
        @ConditionalOnMissingBean
        SessionFactory alchemySessionFactory(
                Engine engine,
                AlchemyProperties properties,
                ObjectProvider<SessionFactoryCustomizer> customizers,
                ObjectProvider<SessionEvents> sessionEvents,
                ObjectProvider<MapperEvents<?>> mapperEvents) {
            AlchemyProperties.Session settings = properties.getSession();
            SessionFactory factory = new SessionFactory(engine)
                    .withAutoflush(settings.isAutoflush())
                    .withExpireOnCommit(settings.isExpireOnCommit());
            factory = AlchemyListeners.register(factory, sessionEvents, mapperEvents);
            for (SessionFactoryCustomizer customizer :
                    customizers.orderedStream().toList()) {
                factory = customizer.customize(factory);
            }
            return factory;
        }

        @Bean
        @ConditionalOnMissingBean
        Session alchemySession(
                SessionFactory sessionFactory, AlchemyProperties properties, AlchemyExceptionTranslator translator) {
            return SharedSession.create(sessionFactory, properties.getSession().getNonTransactional(), translator);
        }

        @Bean
        @ConditionalOnClass(TransactionExecutionListener.class)
        @ConditionalOnMissingBean
        NestedTransactionListener alchemyNestedTransactionListener(
                ObjectProvider<SessionFactory> sessionFactories,
                ObjectProvider<AlchemyExceptionTranslator> translator) {
            return new NestedTransactionListener(sessionFactories, translator);
        }

        @Bean
        @ConditionalOnClass(TransactionExecutionListener.class)
        @ConditionalOnProperty(name = "alchemy.immediate-transactions", havingValue = "true")
        @ConditionalOnMissingBean
        ImmediateTransactionBeginner alchemyImmediateTransactionBeginner(Engine engine, DataSource dataSource) {
            return new ImmediateTransactionBeginner(engine, dataSource);
        }

        @Bean
        @ConditionalOnClass(TransactionExecutionListener.class)
        @ConditionalOnMissingBean
        ReadOnlyTransactionGuard alchemyReadOnlyTransactionGuard(Engine engine, DataSource dataSource) {
            return new ReadOnlyTransactionGuard(engine, dataSource);
        }
    }
}
