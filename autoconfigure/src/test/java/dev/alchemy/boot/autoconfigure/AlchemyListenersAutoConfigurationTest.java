package dev.alchemy.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.alchemy.boot.autoconfigure.session.User;
import dev.alchemy.engine.Connection;
import dev.alchemy.orm.MapperEvents;
import dev.alchemy.orm.Session;
import dev.alchemy.orm.SessionEvents;
import dev.alchemy.orm.SessionFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;
import org.springframework.boot.transaction.autoconfigure.TransactionManagerCustomizationAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.transaction.support.TransactionTemplate;

/** Beans implementing SessionEvents or MapperEvents are registered on the auto-configured SessionFactory. */
class AlchemyListenersAutoConfigurationTest {

    @TempDir
    Path dir;

    private ApplicationContextRunner runner(String file) {
        return new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(
                        AlchemyDataSourceAutoConfiguration.class,
                        DataSourceAutoConfiguration.class,
                        TransactionManagerCustomizationAutoConfiguration.class,
                        DataSourceTransactionManagerAutoConfiguration.class,
                        TransactionAutoConfiguration.class,
                        AlchemyAutoConfiguration.class))
                .withPropertyValues(
                        "alchemy.url=sqlite:///" + dir.resolve(file),
                        "alchemy.models.packages=" + User.class.getPackageName());
    }

    @Test
    void withoutListenerBeansTheFactoryHasNone() {
        runner("none.db").run(context -> {
            assertThat(context).hasNotFailed().hasSingleBean(SessionFactory.class);
            TransactionTemplate transactions = context.getBean(TransactionTemplate.class);
            Session session = context.getBean(Session.class);
            transactions.executeWithoutResult(status -> session.add(new User("Ann", "ANN@example.com")));
            String email =
                    transactions.execute(status -> session.query(User.class).one().email);
            assertThat(email).isEqualTo("ANN@example.com");
        });
    }

    @Test
    void listenerBeansHearTheSharedSessionInSpringsTransactions() {
        runner("listeners.db").withUserConfiguration(Listeners.class).run(context -> {
            assertThat(context).hasNotFailed();
            Listeners listeners = context.getBean(Listeners.class);
            TransactionTemplate transactions = context.getBean(TransactionTemplate.class);
            Session session = context.getBean(Session.class);
            transactions.executeWithoutResult(status -> session.add(new User("Ann", "ANN@Example.COM")));
            String email =
                    transactions.execute(status -> session.query(User.class).one().email);
            assertThat(email)
                    .isEqualTo("ann@example.com"); // the MapperEvents bean's beforeInsert, written by the INSERT
            assertThat(listeners.log)
                    .containsSubsequence("first beforeCommit", "second beforeCommit", "beforeFlush", "afterCommit");
            listeners.log.clear();
            transactions.executeWithoutResult(status -> {
                session.add(new User("Bob", "bob@example.com"));
                session.flush();
                status.setRollbackOnly();
            });
            assertThat(listeners.log).contains("afterRollback").doesNotContain("afterCommit");
        });
    }

    @Configuration(proxyBeanMethods = false)
    static class Listeners {
        final List<String> log = new ArrayList<>();

        @Bean
        MapperEvents<User> lowerCaseEmails() {
            return new MapperEvents<>() {
                @Override
                public void beforeInsert(Connection connection, User target) {
                    target.email = target.email.toLowerCase(Locale.ROOT);
                }
            };
        }

        @Bean
        @Order(2)
        SessionEvents second() {
            return new SessionEvents() {
                @Override
                public void beforeCommit(Session session) {
                    log.add("second beforeCommit");
                }
            };
        }

        @Bean
        @Order(1)
        SessionEvents first() {
            return new SessionEvents() {
                @Override
                public void beforeCommit(Session session) {
                    log.add("first beforeCommit");
                }

                @Override
                public void beforeFlush(Session session) {
                    log.add("beforeFlush");
                }

                @Override
                public void afterCommit(Session session) {
                    log.add("afterCommit");
                }

                @Override
                public void afterRollback(Session session) {
                    log.add("afterRollback");
                }
            };
        }
    }
}
