package dev.alchemy.boot.autoconfigure;

import static dev.alchemy.boot.autoconfigure.AlchemyDataSourceAutoConfigurationTest.findCause;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.alchemy.Alchemy;
import dev.alchemy.boot.autoconfigure.AlchemyProperties.NonTransactional;
import dev.alchemy.boot.autoconfigure.session.User;
import dev.alchemy.engine.Connection;
import dev.alchemy.engine.Engine;
import dev.alchemy.orm.Base;
import dev.alchemy.orm.Session;
import dev.alchemy.orm.SessionFactory;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.NoSuchBeanDefinitionException;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfigurationPackage;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzedException;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.persistence.autoconfigure.EntityScan;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;
import org.springframework.boot.transaction.autoconfigure.TransactionManagerCustomizationAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionTemplate;

/** The ORM beans: models, createAll, SessionFactory, the shared Session; each condition and property. */
class AlchemyOrmAutoConfigurationTest {

    private static final String MODELS = User.class.getPackageName();

    @TempDir
    Path dir;

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(
                    AlchemyDataSourceAutoConfiguration.class,
                    DataSourceAutoConfiguration.class,
                    TransactionManagerCustomizationAutoConfiguration.class,
                    DataSourceTransactionManagerAutoConfiguration.class,
                    TransactionAutoConfiguration.class,
                    AlchemyAutoConfiguration.class));

    private ApplicationContextRunner withFile(String name) {
        return runner.withPropertyValues("alchemy.url=sqlite:///" + dir.resolve(name));
    }

    private static boolean tableExists(Engine engine, String table) {
        try (Connection connection = engine.connect()) {
            Long count = connection
                    .execute(Alchemy.text("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = :name")
                            .bind("name", table))
                    .scalar(Long.class);
            return count != null && count == 1;
        }
    }

    @Test
    void backsOffWithoutTheOrm() {
        withFile("no-orm.db")
                .withClassLoader(new FilteredClassLoader(SessionFactory.class))
                .run(context -> assertThat(context)
                        .hasNotFailed()
                        .hasSingleBean(Engine.class)
                        .doesNotHaveBean(AlchemyModels.class)
                        .doesNotHaveBean(SessionFactory.class)
                        .doesNotHaveBean(Session.class));
    }

    @Test
    void backsOffWithoutADataSource() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(AlchemyAutoConfiguration.class))
                .run(context -> assertThat(context)
                        .hasNotFailed()
                        .doesNotHaveBean(SessionFactory.class)
                        .doesNotHaveBean(Session.class));
    }

    @Test
    void defaultsGiveASessionFactoryAndASharedSession() {
        withFile("defaults.db").run(context -> {
            assertThat(context)
                    .hasSingleBean(AlchemyModels.class)
                    .hasSingleBean(AlchemySchemaInitializer.class)
                    .hasSingleBean(SessionFactory.class)
                    .hasSingleBean(Session.class)
                    .hasBean("alchemySessionFactory")
                    .hasBean("alchemySession");
            SessionFactory factory = context.getBean(SessionFactory.class);
            assertThat(factory.engine()).isSameAs(context.getBean(Engine.class));
            assertThat(factory.autoflush()).isTrue();
            assertThat(factory.expireOnCommit()).isTrue();
            Session session = context.getBean(Session.class);
            assertThat(Proxy.isProxyClass(session.getClass())).isTrue();
            assertThat(session.isOpen()).isTrue();
            assertThat(session).hasToString("SharedSession[" + factory.engine() + "]");
            // no @SpringBootApplication here: nothing to scan, nothing created
            assertThat(context.getBean(AlchemyModels.class).models()).isEmpty();
        });
    }

    @Test
    void modelsAreFoundInTheApplicationsPackageAndTheirTablesCreated() {
        withFile("scanned.db").withUserConfiguration(ScanningApplication.class).run(context -> {
            AlchemyModels models = context.getBean(AlchemyModels.class);
            assertThat(models.models()).containsExactly(User.class);
            assertThat(models.packages()).containsExactly(MODELS);
            assertThat(tableExists(context.getBean(Engine.class), "users")).isTrue();
        });
    }

    @Test
    void entityScanChoosesThePackages() {
        withFile("entity-scan.db")
                .withUserConfiguration(EntityScanApplication.class)
                .run(context -> {
                    assertThat(context.getBean(AlchemyModels.class).models()).containsExactly(User.class);
                    assertThat(context.getBean(AlchemyModels.class).packages()).containsExactly(MODELS);
                });
    }

    @Test
    void thePackagesPropertyChoosesThePackages() {
        withFile("property.db")
                .withPropertyValues("alchemy.models.packages=" + MODELS)
                .run(context -> {
                    assertThat(context.getBean(AlchemyModels.class).models()).containsExactly(User.class);
                    assertThat(tableExists(context.getBean(Engine.class), "users"))
                            .isTrue();
                });
    }

    @Test
    void createAllCanBeSwitchedOff() {
        withFile("no-create.db")
                .withPropertyValues("alchemy.models.packages=" + MODELS, "alchemy.schema.create-all=false")
                .run(context -> {
                    assertThat(context)
                            .hasSingleBean(AlchemyModels.class)
                            .doesNotHaveBean(AlchemySchemaInitializer.class);
                    assertThat(tableExists(context.getBean(Engine.class), "users"))
                            .isFalse();
                });
    }

    @Test
    void packagesWithoutModelsStopTheApplicationSayingWhereAlchemyLooked() {
        withFile("none.db")
                .withPropertyValues("alchemy.models.packages=com.example.nothing")
                .run(context -> {
                    assertThat(context).hasFailed();
                    FailureAnalyzedException failure =
                            findCause(context.getStartupFailure(), FailureAnalyzedException.class);
                    assertThat(failure.analysis().getDescription())
                            .isEqualTo("Alchemy found no model classes (annotated with @dev.alchemy.orm.Table) in the "
                                    + "package com.example.nothing (from alchemy.models.packages).");
                    assertThat(failure.analysis().getAction())
                            .contains("Check the package names in alchemy.models.packages")
                            .contains("@SpringBootApplication");
                });
    }

    @Test
    void aModelThatCannotBeMappedStopsTheApplicationNamingIt() {
        withFile("bad.db")
                .withPropertyValues("alchemy.models.packages=dev.alchemy.boot.badmodels")
                .run(context -> {
                    assertThat(context).hasFailed();
                    FailureAnalyzedException failure =
                            findCause(context.getStartupFailure(), FailureAnalyzedException.class);
                    assertThat(failure.analysis().getDescription())
                            .startsWith(
                                    "Alchemy found the model classes [Unmappable] in the package "
                                            + "dev.alchemy.boot.badmodels (from alchemy.models.packages), but cannot map them: ")
                            .contains("Unmappable");
                    assertThat(failure.analysis().getAction()).contains("Fix the mapping");
                });
    }

    @Test
    void sessionPropertiesConfigureTheFactory() {
        withFile("session-properties.db")
                .withPropertyValues(
                        "alchemy.session.autoflush=false",
                        "alchemy.session.expire-on-commit=false",
                        "alchemy.session.non-transactional=fail")
                .run(context -> {
                    SessionFactory factory = context.getBean(SessionFactory.class);
                    assertThat(factory.autoflush()).isFalse();
                    assertThat(factory.expireOnCommit()).isFalse();
                    assertThat(context.getBean(AlchemyProperties.class)
                                    .getSession()
                                    .getNonTransactional())
                            .isEqualTo(NonTransactional.FAIL);
                });
    }

    @Test
    void customizersAdjustTheFactoryInOrder() {
        withFile("customized.db").withUserConfiguration(Customizers.class).run(context -> {
            SessionFactory factory = context.getBean(SessionFactory.class);
            assertThat(factory.autoflush()).isFalse();
            assertThat(factory.expireOnCommit()).isTrue();
        });
    }

    @Test
    void usersBeansWin() {
        withFile("user-beans.db").withUserConfiguration(UserBeans.class).run(context -> {
            UserBeans beans = context.getBean(UserBeans.class);
            assertThat(context.getBean(AlchemyModels.class)).isSameAs(beans.models);
            assertThat(context.getBean(AlchemySchemaInitializer.class)).isSameAs(beans.initializer);
            assertThat(context.getBean(SessionFactory.class)).isSameAs(beans.sessionFactory);
            assertThat(context.getBean(Session.class)).isSameAs(beans.session);
        });
    }

    @Test
    void failPolicyRejectsReadsOutsideATransactionAndAllowsThemInside() {
        withFile("fail.db")
                .withPropertyValues("alchemy.models.packages=" + MODELS, "alchemy.session.non-transactional=fail")
                .run(context -> {
                    Session session = context.getBean(Session.class);
                    assertThatThrownBy(() -> session.get(User.class, 1))
                            .isInstanceOf(IllegalTransactionStateException.class)
                            .hasMessage("Session.get() was called outside a transaction, and the shared Session "
                                    + "works only inside a transaction (alchemy.session.non-transactional=fail). "
                                    + "Call it from a @Transactional method, or inside "
                                    + "TransactionTemplate.execute(...). If the method is annotated already: it "
                                    + "must be called from another bean, not from within its own class, for "
                                    + "Spring's proxy to start the transaction.");
                    assertThatThrownBy(() -> session.query(User.class)).hasMessageContaining("@Transactional");
                    TransactionTemplate transactions = context.getBean(TransactionTemplate.class);
                    User none = transactions.execute(status -> session.get(User.class, 1));
                    assertThat(none).isNull();
                });
    }

    @Test
    void bulkStatementsOutsideATransactionAskForOneAndRunInside() {
        withFile("bulk.db")
                .withPropertyValues(
                        "alchemy.models.packages=" + MODELS, "alchemy.session.non-transactional=allow-reads")
                .run(context -> {
                    Session session = context.getBean(Session.class);
                    // before: "bulk statements need the session that made the query", from a cast in the ORM
                    assertThatThrownBy(() -> session.query(User.class)
                                    .filterBy("name", "Ann")
                                    .update(java.util.Map.of("email", "ann@example.org")))
                            .isInstanceOf(IllegalTransactionStateException.class)
                            .hasMessageStartingWith("Session.bulkUpdate() was called outside a transaction")
                            .hasMessageContaining("@Transactional");
                    assertThatThrownBy(() -> session.query(User.class).delete())
                            .isInstanceOf(IllegalTransactionStateException.class)
                            .hasMessageContaining("@Transactional");
                    TransactionTemplate transactions = context.getBean(TransactionTemplate.class);
                    transactions.executeWithoutResult(status -> session.add(new User("Ann", "ann@example.com")));
                    Long updated = transactions.execute(status -> session.query(User.class)
                            .filterBy("name", "Ann")
                            .update(java.util.Map.of("email", "ann@example.org")));
                    assertThat(updated).isEqualTo(1L);
                    String email = transactions.execute(
                            status -> session.query(User.class).one().email);
                    assertThat(email).isEqualTo("ann@example.org");
                    Long deleted = transactions.execute(
                            status -> session.query(User.class).delete());
                    assertThat(deleted).isEqualTo(1L);
                });
    }

    @Test
    void allowPolicyRunsEachWriteOutsideATransactionInACommittingSession() {
        withFile("allow.db")
                .withPropertyValues("alchemy.models.packages=" + MODELS, "alchemy.session.non-transactional=allow")
                .run(context -> {
                    Session session = context.getBean(Session.class);
                    User user = new User("Ann", "ann@example.com");
                    session.add(user);
                    assertThat(user.id).isNotNull();
                    User copy = session.get(User.class, user.id);
                    assertThat(copy).isNotNull().isNotSameAs(user);
                    copy.name = "Ann 2";
                    User merged = session.merge(copy);
                    assertThat(merged.name).isEqualTo("Ann 2");
                    assertThat(session.get(User.class, user.id).name).isEqualTo("Ann 2");
                    session.delete(merged);
                    assertThat(session.get(User.class, user.id)).isNull();
                });
    }

    @Test
    void beginNestedNeedsATransactionWhateverThePolicy() {
        withFile("nested.db")
                .withPropertyValues("alchemy.session.non-transactional=allow")
                .run(context -> assertThatThrownBy(
                                () -> context.getBean(Session.class).beginNested())
                        .isInstanceOf(IllegalTransactionStateException.class)
                        .hasMessageContaining("works only inside a transaction"));
    }

    @Test
    void aSessionAskedForWithoutADataSourceIsExplained() {
        FailureAnalysis analysis = new AlchemyFailureAnalyzer(new DefaultListableBeanFactory())
                .analyze(new NoSuchBeanDefinitionException(Session.class));
        assertThat(analysis).isNotNull();
        assertThat(analysis.getDescription())
                .isEqualTo("No Session bean: Alchemy found no DataSource bean to connect through.");
    }

    @Configuration(proxyBeanMethods = false)
    @AutoConfigurationPackage(basePackageClasses = User.class)
    static class ScanningApplication {}

    @Configuration(proxyBeanMethods = false)
    @AutoConfigurationPackage
    @EntityScan(basePackageClasses = User.class)
    static class EntityScanApplication {}

    @Configuration(proxyBeanMethods = false)
    static class Customizers {

        @Bean
        @Order(2)
        SessionFactoryCustomizer second() {
            return factory -> factory.withExpireOnCommit(!factory.autoflush());
        }

        @Bean
        @Order(1)
        SessionFactoryCustomizer first() {
            return factory -> factory.withAutoflush(false);
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class UserBeans {

        final AlchemyModels models = AlchemyModels.of(Base.of(User.class));
        AlchemySchemaInitializer initializer;
        SessionFactory sessionFactory;
        Session session;

        @Bean
        AlchemyModels myModels() {
            return models;
        }

        @Bean
        AlchemySchemaInitializer mySchemaInitializer(Engine engine) {
            initializer = new AlchemySchemaInitializer(engine, models);
            return initializer;
        }

        @Bean
        SessionFactory mySessionFactory(Engine engine) {
            sessionFactory = new SessionFactory(engine).withAutoflush(false);
            return sessionFactory;
        }

        @Bean
        Session mySession(SessionFactory sessionFactory) {
            session = SharedSession.create(sessionFactory);
            return session;
        }
    }
}
