package dev.alchemy.boot.autoconfigure.observation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.alchemy.boot.autoconfigure.AlchemyAutoConfiguration;
import dev.alchemy.boot.autoconfigure.AlchemyDataSourceAutoConfiguration;
import dev.alchemy.boot.autoconfigure.AlchemyObservationAutoConfiguration;
import dev.alchemy.orm.Session;
import dev.alchemy.orm.SessionFactory;
import io.micrometer.common.KeyValues;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;
import org.springframework.boot.transaction.autoconfigure.TransactionManagerCustomizationAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * With an {@code ObservationRegistry} in the context, each flush and each ORM query of the starter's sessions is an
 * observation (tested with micrometer-observation-test's {@link TestObservationRegistry}); without one, nothing is
 * installed.
 */
class ObservationAutoConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(
                    AlchemyDataSourceAutoConfiguration.class,
                    DataSourceAutoConfiguration.class,
                    TransactionManagerCustomizationAutoConfiguration.class,
                    DataSourceTransactionManagerAutoConfiguration.class,
                    TransactionAutoConfiguration.class,
                    AlchemyObservationAutoConfiguration.class,
                    AlchemyAutoConfiguration.class))
            .withPropertyValues(
                    "alchemy.url=sqlite:///:memory:", "alchemy.models.packages=" + Meter.class.getPackageName());

    @Configuration(proxyBeanMethods = false)
    static class Registry {
        @Bean
        TestObservationRegistry observationRegistry() {
            return TestObservationRegistry.create();
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class CustomConvention {
        @Bean
        FlushObservationConvention flushConvention() {
            return new DefaultFlushObservationConvention() {
                @Override
                public String getName() {
                    return "orm.flush";
                }

                @Override
                public KeyValues getLowCardinalityKeyValues(FlushContext context) {
                    return super.getLowCardinalityKeyValues(context).and("app", "billing");
                }
            };
        }
    }

    @Test
    void aFlushIsObservedWithItsRowsAndOutcome() {
        runner.withUserConfiguration(Registry.class).run(context -> {
            TestObservationRegistry registry = context.getBean(TestObservationRegistry.class);
            TransactionTemplate transactions =
                    new TransactionTemplate(context.getBean(PlatformTransactionManager.class));
            Session session = context.getBean(Session.class);
            transactions.executeWithoutResult(status -> {
                session.add(new Meter("A-1"));
                session.add(new Meter("A-2"));
            });
            TestObservationRegistryAssert.assertThat(registry)
                    .hasObservationWithNameEqualTo("alchemy.flush")
                    .that()
                    .hasContextualNameEqualTo("alchemy flush")
                    .hasLowCardinalityKeyValue("outcome", "SUCCESS")
                    .hasHighCardinalityKeyValue("alchemy.flush.inserted", "2")
                    .hasHighCardinalityKeyValue("alchemy.flush.updated", "0")
                    .hasHighCardinalityKeyValue("alchemy.flush.deleted", "0")
                    .hasBeenStarted()
                    .hasBeenStopped();
        });
    }

    @Test
    void aFailedFlushIsObservedWithItsError() {
        runner.withUserConfiguration(Registry.class).run(context -> {
            TestObservationRegistry registry = context.getBean(TestObservationRegistry.class);
            TransactionTemplate transactions =
                    new TransactionTemplate(context.getBean(PlatformTransactionManager.class));
            Session session = context.getBean(Session.class);
            assertThatThrownBy(() -> transactions.executeWithoutResult(status -> {
                        session.add(new Meter("same"));
                        session.add(new Meter("same"));
                    }))
                    .isInstanceOf(DuplicateKeyException.class);
            TestObservationRegistryAssert.assertThat(registry)
                    .hasObservationWithNameEqualTo("alchemy.flush")
                    .that()
                    .hasLowCardinalityKeyValue("outcome", "ERROR")
                    .hasError()
                    .hasBeenStopped();
        });
    }

    @Test
    void anOrmQueryIsObservedWithItsModelOperationAndSql() {
        runner.withUserConfiguration(Registry.class).run(context -> {
            TestObservationRegistry registry = context.getBean(TestObservationRegistry.class);
            Session session = context.getBean(Session.class);
            assertThat(session.query(Meter.class).filterBy("serial", "none").all())
                    .isEmpty();
            TestObservationRegistryAssert.assertThat(registry)
                    .hasObservationWithNameEqualTo("alchemy.query")
                    .that()
                    .hasContextualNameEqualTo("alchemy select Meter")
                    .hasLowCardinalityKeyValue("alchemy.model", Meter.class.getName())
                    .hasLowCardinalityKeyValue("alchemy.operation", "select")
                    .hasLowCardinalityKeyValue("outcome", "SUCCESS")
                    .hasHighCardinalityKeyValue(
                            "db.query.text", "SELECT meter.id, meter.serial \nFROM meter \nWHERE meter.serial = ?")
                    .hasBeenStopped();
        });
    }

    @Test
    void theApplicationsConventionReplacesTheDefault() {
        runner.withUserConfiguration(Registry.class, CustomConvention.class).run(context -> {
            TestObservationRegistry registry = context.getBean(TestObservationRegistry.class);
            TransactionTemplate transactions =
                    new TransactionTemplate(context.getBean(PlatformTransactionManager.class));
            Session session = context.getBean(Session.class);
            transactions.executeWithoutResult(status -> session.add(new Meter("B-1")));
            TestObservationRegistryAssert.assertThat(registry)
                    .hasObservationWithNameEqualTo("orm.flush")
                    .that()
                    .hasLowCardinalityKeyValue("app", "billing")
                    .hasLowCardinalityKeyValue("outcome", "SUCCESS");
        });
    }

    @Test
    void withoutARegistryNothingIsObserved() {
        runner.run(context -> {
            assertThat(context).doesNotHaveBean(ObservingOrmObserver.class);
            assertThat(context.getBean(SessionFactory.class).observer()).isEmpty();
        });
    }

    @Test
    void withoutMicrometerOnTheClassPathTheStarterWorks() {
        runner.withClassLoader(new FilteredClassLoader(ObservationRegistry.class))
                .run(context -> {
                    assertThat(context).hasNotFailed().doesNotHaveBean(ObservingOrmObserver.class);
                    assertThat(context.getBean(SessionFactory.class).observer()).isEmpty();
                });
    }
}
