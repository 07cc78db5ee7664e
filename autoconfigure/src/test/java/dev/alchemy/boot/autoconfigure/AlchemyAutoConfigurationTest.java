package dev.alchemy.boot.autoconfigure;

import static dev.alchemy.boot.autoconfigure.AlchemyDataSourceAutoConfigurationTest.findCause;
import static org.assertj.core.api.Assertions.assertThat;

import dev.alchemy.Alchemy;
import dev.alchemy.engine.Connection;
import dev.alchemy.engine.Engine;
import dev.alchemy.engine.EngineOptions;
import dev.alchemy.engine.StatementEvent;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.sql.DatabaseMetaData;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.NoSuchBeanDefinitionException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzedException;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.transaction.autoconfigure.TransactionManagerCustomizationAutoConfiguration;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.jdbc.support.SQLExceptionTranslator;
import org.springframework.jdbc.support.SQLStateSQLExceptionTranslator;

class AlchemyAutoConfigurationTest {

    @TempDir
    Path dir;

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(
                    AlchemyDataSourceAutoConfiguration.class,
                    DataSourceAutoConfiguration.class,
                    AlchemyAutoConfiguration.class));

    private ApplicationContextRunner withFile(String name) {
        return runner.withPropertyValues("alchemy.url=sqlite:///" + dir.resolve(name));
    }

    @Test
    void backsOffWithoutAlchemyCore() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(AlchemyAutoConfiguration.class))
                .withUserConfiguration(DriverBasedDataSource.class)
                .withClassLoader(new FilteredClassLoader(Engine.class))
                .run(context -> assertThat(context)
                        .hasNotFailed()
                        .doesNotHaveBean(Engine.class)
                        .doesNotHaveBean(AlchemyExceptionTranslator.class));
    }

    @Test
    void backsOffWithoutADataSource() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(AlchemyAutoConfiguration.class))
                .run(context -> assertThat(context)
                        .hasNotFailed()
                        .doesNotHaveBean(Engine.class)
                        .doesNotHaveBean(AlchemyExceptionTranslator.class));
    }

    @Test
    void engineWrapsTheDataSourceBeanItself() {
        withFile("engine.db").run(context -> {
            assertThat(context).hasSingleBean(Engine.class);
            Engine engine = context.getBean(Engine.class);
            assertThat(engine.dataSource()).isSameAs(context.getBean(DataSource.class));
            assertThat(engine.dialect().name()).isEqualTo("sqlite");
            assertThat(engine.options().echo()).isFalse();
            try (Connection connection = engine.connect()) {
                assertThat(connection.execute(Alchemy.text("SELECT 1")).scalar(Integer.class))
                        .isEqualTo(1);
            }
        });
    }

    @Test
    void propertiesBecomeEngineOptions() {
        withFile("options.db")
                .withPropertyValues("alchemy.echo=true", "alchemy.hide-parameters=true")
                .run(context -> {
                    EngineOptions options = context.getBean(Engine.class).options();
                    assertThat(options.echo()).isTrue();
                    assertThat(options.hideParameters()).isTrue();
                });
    }

    @Test
    void statementPropertiesBecomeEngineOptions() {
        withFile("statements.db")
                .withPropertyValues("alchemy.statement-cache-size=42", "alchemy.keep-statements-past-wrappers=true")
                .run(context -> {
                    Engine engine = context.getBean(Engine.class);
                    assertThat(engine.options().statementCacheSize()).isEqualTo(42);
                    assertThat(engine.statementCache().maxSize()).isEqualTo(42);
                    assertThat(engine.options().keepStatementsPastWrappers()).isTrue();
                });
        withFile("statements-default.db").run(context -> {
            Engine engine = context.getBean(Engine.class);
            assertThat(engine.statementCache().maxSize()).isEqualTo(500);
            assertThat(engine.options().keepStatementsPastWrappers()).isFalse();
        });
    }

    @Test
    void aNegativeStatementCacheSizeStopsStartupNamingTheProperty() {
        withFile("statements-bad.db")
                .withPropertyValues("alchemy.statement-cache-size=-1")
                .run(context -> assertThat(context)
                        .hasFailed()
                        .getFailure()
                        .rootCause()
                        .hasMessageContaining("alchemy.statement-cache-size")
                        .hasMessageContaining("-1"));
    }

    @Test
    void usersEngineWins() {
        withFile("user-engine.db").withUserConfiguration(UserEngine.class).run(context -> {
            assertThat(context).hasSingleBean(Engine.class);
            assertThat(context.getBean(Engine.class)).isSameAs(context.getBean(UserEngine.class).engine);
        });
    }

    @Test
    void customizersSeeTheEngineInOrder() {
        withFile("customized.db").withUserConfiguration(Customizers.class).run(context -> {
            Engine engine = context.getBean(Engine.class);
            Customizers customizers = context.getBean(Customizers.class);
            engine.useTransaction(connection -> connection.execute(Alchemy.text("SELECT 1")));
            assertThat(customizers.order).containsExactly("first", "second");
            assertThat(customizers.statements).extracting(StatementEvent::sql).contains("SELECT 1");
        });
    }

    @Test
    void twoDataSourcesWithoutPrimaryBackOffAndTheFailureAnalyzerSaysWhy() {
        runner.withUserConfiguration(TwoDataSources.class).run(context -> {
            assertThat(context).doesNotHaveBean(Engine.class);
        });
        runner.withUserConfiguration(TwoDataSources.class, NeedsEngine.class).run(context -> {
            assertThat(context).hasFailed();
            FailureAnalysis analysis = new AlchemyFailureAnalyzer(beanFactoryWith(TwoDataSources.class))
                    .analyze(context.getStartupFailure());
            assertThat(analysis).isNotNull();
            assertThat(analysis.getDescription())
                    .contains("found 2")
                    .contains("first")
                    .contains("second")
                    .contains("@Primary");
            assertThat(analysis.getAction()).contains("@Primary").contains("SpringConnectionProvider");
        });
    }

    @Test
    void failureAnalyzerExplainsAMissingDataSource() {
        FailureAnalysis analysis = new AlchemyFailureAnalyzer(new DefaultListableBeanFactory())
                .analyze(new NoSuchBeanDefinitionException(Engine.class));
        assertThat(analysis).isNotNull();
        assertThat(analysis.getDescription()).contains("no DataSource");
        assertThat(analysis.getAction()).contains("spring.datasource.url").contains("alchemy.url");
    }

    /** The failed context's own bean factory is closed; the analyzer sees the same definitions here. */
    private static DefaultListableBeanFactory beanFactoryWith(Class<?> configuration) {
        AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext();
        context.register(configuration);
        context.refresh();
        return (DefaultListableBeanFactory) context.getBeanFactory();
    }

    @Test
    void twoDataSourcesWithAPrimaryUseThePrimary() {
        runner.withUserConfiguration(TwoDataSources.class, PrimaryDataSource.class)
                .run(context ->
                        assertThat(context.getBean(Engine.class).dataSource()).isSameAs(context.getBean("primary")));
    }

    @Test
    void failureAnalyzerLeavesOtherMissingBeansToBoot() {
        runner.withUserConfiguration(NeedsJdbcTemplate.class).run(context -> {
            assertThat(context).hasFailed();
            assertThat(new AlchemyFailureAnalyzer(beanFactoryWith(TwoDataSources.class))
                            .analyze(context.getStartupFailure()))
                    .isNull();
        });
    }

    @Test
    void dialectPropertyOverridesDetection() {
        runner.withUserConfiguration(DriverBasedDataSource.class)
                .withPropertyValues("alchemy.dialect=SQLite")
                .run(context -> assertThat(
                                context.getBean(Engine.class).dialect().name())
                        .isEqualTo("sqlite"));
    }

    @Test
    void unknownDialectPropertyNamesTheProperty() {
        withFile("dialect.db").withPropertyValues("alchemy.dialect=oracle").run(context -> {
            InvalidConfigurationPropertyValueException failure =
                    findCause(context.getStartupFailure(), InvalidConfigurationPropertyValueException.class);
            assertThat(failure.getName()).isEqualTo("alchemy.dialect");
            assertThat(failure.getReason()).contains("sqlite");
        });
    }

    @Test
    void dialectIsDetectedFromTheUrlOfAnyDriverBasedDataSourceOrElseFromTheDatabase() {
        runner.withUserConfiguration(DriverBasedDataSource.class)
                .run(context -> assertThat(
                                context.getBean(Engine.class).dialect().name())
                        .isEqualTo("sqlite"));
        runner.withUserConfiguration(OpaqueDataSource.class)
                .run(context -> assertThat(
                                context.getBean(Engine.class).dialect().name())
                        .isEqualTo("sqlite"));
    }

    @Test
    void aDatabaseWithoutDialectFailsNamingTheDatabaseAndWhatToDo() {
        runner.withUserConfiguration(UnsupportedDatabase.class).run(context -> {
            FailureAnalyzedException failure = findCause(context.getStartupFailure(), FailureAnalyzedException.class);
            assertThat(failure.getMessage()).contains("'H2'").contains("sqlite").contains("postgresql");
            assertThat(failure.analysis().getAction())
                    .contains("spring.datasource.url")
                    .contains("alchemy.dialect");
        });
    }

    @Test
    void disposingTheEngineLeavesTheApplicationsDataSourceOpen() {
        withFile("dispose.db").run(context -> {
            Engine engine = context.getBean(Engine.class);
            engine.dispose();
            try (java.sql.Connection connection =
                    context.getBean(DataSource.class).getConnection()) {
                assertThat(connection.isValid(1)).isTrue();
            }
        });
    }

    @Test
    void engineIsDisposedWhenTheContextCloses() {
        List<Engine> engines = new ArrayList<>();
        withFile("close.db").run(context -> engines.add(context.getBean(Engine.class)));
        assertThat(engines.get(0).isDisposed()).isTrue();
    }

    @Test
    void jdbcTemplateAndTransactionManagerUseTheSqliteAwareTranslator() {
        withFile("translator.db")
                .withConfiguration(AutoConfigurations.of(
                        JdbcTemplateAutoConfiguration.class,
                        TransactionManagerCustomizationAutoConfiguration.class,
                        DataSourceTransactionManagerAutoConfiguration.class))
                .run(context -> {
                    assertThat(context).hasSingleBean(AlchemySQLExceptionTranslator.class);
                    assertThat(context).hasSingleBean(AlchemyExceptionTranslator.class);
                    SQLExceptionTranslator translator = context.getBean(SQLExceptionTranslator.class);
                    assertThat(context.getBean(JdbcTemplate.class).getExceptionTranslator())
                            .isSameAs(translator);
                    assertThat(context.getBean(JdbcTransactionManager.class).getExceptionTranslator())
                            .isSameAs(translator);
                });
    }

    @Test
    void usersSqlExceptionTranslatorWins() {
        withFile("user-translator.db")
                .withConfiguration(AutoConfigurations.of(JdbcTemplateAutoConfiguration.class))
                .withUserConfiguration(UserTranslator.class)
                .run(context -> {
                    assertThat(context).doesNotHaveBean(AlchemySQLExceptionTranslator.class);
                    assertThat(context.getBean(JdbcTemplate.class).getExceptionTranslator())
                            .isInstanceOf(SQLStateSQLExceptionTranslator.class);
                });
    }

    @Configuration(proxyBeanMethods = false)
    static class UserEngine {
        final Engine engine = Engine.create("sqlite:///:memory:");

        @Bean(destroyMethod = "dispose")
        Engine myEngine() {
            return engine;
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Customizers {
        final List<String> order = new ArrayList<>();
        final List<StatementEvent> statements = new ArrayList<>();

        @Bean
        @org.springframework.core.annotation.Order(2)
        EngineCustomizer second() {
            return engine -> order.add("second");
        }

        @Bean
        @org.springframework.core.annotation.Order(1)
        EngineCustomizer first() {
            return engine -> {
                order.add("first");
                engine.addStatementListener(statements::add);
            };
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class TwoDataSources {
        @Bean
        SimpleDriverDataSource first() {
            return memory("first");
        }

        @Bean
        SimpleDriverDataSource second() {
            return memory("second");
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class PrimaryDataSource {
        @Bean
        @Primary
        SimpleDriverDataSource primary() {
            return memory("primary");
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class DriverBasedDataSource {
        @Bean
        SimpleDriverDataSource dataSource() {
            return memory("driver-based");
        }
    }

    /** A data source whose URL Alchemy cannot see: the dialect comes from the database's product name. */
    @Configuration(proxyBeanMethods = false)
    static class OpaqueDataSource {
        @Bean
        DataSource dataSource() {
            org.sqlite.SQLiteDataSource dataSource = new org.sqlite.SQLiteDataSource();
            dataSource.setUrl("jdbc:sqlite::memory:");
            return dataSource;
        }
    }

    /** A data source that says it is H2, which Alchemy has no dialect for. */
    @Configuration(proxyBeanMethods = false)
    static class UnsupportedDatabase {
        @Bean
        DataSource dataSource() {
            DatabaseMetaData metaData = proxy(DatabaseMetaData.class, "getDatabaseProductName", "H2");
            java.sql.Connection connection = proxy(java.sql.Connection.class, "getMetaData", metaData);
            return proxy(DataSource.class, "getConnection", connection);
        }

        private static <T> T proxy(Class<T> type, String method, Object answer) {
            return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (p, m, args) -> {
                if (m.getName().equals(method)) {
                    return answer;
                }
                // isWrapperFor, close, ...: nothing to wrap, nothing to do
                return m.getReturnType() == boolean.class ? false : null;
            }));
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class NeedsEngine {
        @Autowired
        Engine engine;
    }

    @Configuration(proxyBeanMethods = false)
    static class NeedsJdbcTemplate {
        @Autowired
        JdbcTemplate jdbcTemplate;
    }

    @Configuration(proxyBeanMethods = false)
    static class UserTranslator {
        @Bean
        SQLExceptionTranslator userTranslator() {
            return new SQLStateSQLExceptionTranslator();
        }
    }

    static SimpleDriverDataSource memory(String name) {
        return new SimpleDriverDataSource(
                new org.sqlite.JDBC(), "jdbc:sqlite:file:" + name + "?mode=memory&cache=shared");
    }
}
