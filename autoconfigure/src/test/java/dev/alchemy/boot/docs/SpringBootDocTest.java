package dev.alchemy.boot.docs;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.alchemy.boot.autoconfigure.AlchemyAutoConfiguration;
import dev.alchemy.boot.autoconfigure.AlchemyDataSourceAutoConfiguration;
import dev.alchemy.boot.autoconfigure.EngineCustomizer;
import dev.alchemy.boot.autoconfigure.SessionFactoryCustomizer;
import dev.alchemy.boot.autoconfigure.SharedSession;
import dev.alchemy.boot.autoconfigure.SpringConnectionProvider;
import dev.alchemy.engine.Engine;
import dev.alchemy.engine.EngineDialect;
import dev.alchemy.engine.EngineOptions;
import dev.alchemy.orm.Base;
import dev.alchemy.orm.Session;
import dev.alchemy.orm.SessionFactory;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;
import org.springframework.boot.transaction.autoconfigure.TransactionManagerCustomizationAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs the Java snippets of {@code docs/spring-boot.md}: the model and service of the set-up, the engine service,
 * the customizers, the beans for an application with several data sources. ({@link UsersTest} is the testing
 * snippet; {@code DocSnippetsTest} in core checks that the page shows them exactly.)
 */
class SpringBootDocTest {

    @TempDir
    Path dir;

    private ApplicationContextRunner application(String database) {
        return new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(
                        AlchemyDataSourceAutoConfiguration.class,
                        DataSourceAutoConfiguration.class,
                        TransactionManagerCustomizationAutoConfiguration.class,
                        DataSourceTransactionManagerAutoConfiguration.class,
                        TransactionAutoConfiguration.class,
                        JdbcTemplateAutoConfiguration.class,
                        AlchemyAutoConfiguration.class))
                .withPropertyValues(
                        "alchemy.url=sqlite:///" + dir.resolve(database),
                        "alchemy.models.packages=" + User.class.getPackageName());
    }

    @Test
    void theServiceRegistersRenamesAndFindsUsers() {
        application("service.db").withBean(Users.class).run(context -> {
            Users users = context.getBean(Users.class);
            User alice = users.register("Alice", "alice@example.com");
            assertThat(alice.id).isNotNull();
            users.rename(alice.id, "Alicia");
            assertThat(users.named("Alicia"))
                    .singleElement()
                    .satisfies(u -> assertThat(u.id).isEqualTo(alice.id));
        });
    }

    @Test
    void theEngineServiceWritesInTheTransaction() {
        application("notes.db").withBean(Notes.class).run(context -> {
            JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
            jdbc.execute("CREATE TABLE note (id INTEGER PRIMARY KEY, body TEXT)");
            context.getBean(Notes.class).add("hello");
            assertThat(jdbc.queryForObject("SELECT body FROM note", String.class))
                    .isEqualTo("hello");
        });
    }

    @Test
    void customizersAdjustTheEngineAndTheSessionFactory() {
        application("customizers.db")
                .withUserConfiguration(CustomizerBeans.class)
                .withBean(Users.class)
                .run(context -> {
                    assertThat(context.getBean(SessionFactory.class).autoflush())
                            .isFalse();
                    context.getBean(Users.class).register("Bob", "bob@example.com");
                    assertThat(context.getBean(AtomicLong.class).get()).isPositive();
                });
    }

    @Test
    void withSeveralDataSourcesTheApplicationDefinesTheAlchemyBeans() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(
                        AlchemyDataSourceAutoConfiguration.class,
                        DataSourceAutoConfiguration.class,
                        AlchemyAutoConfiguration.class))
                .withBean("orders", DataSource.class, () -> sqlite("orders.db"))
                .withBean("audit", DataSource.class, () -> sqlite("audit.db"))
                .withUserConfiguration(OrdersBeans.class)
                .run(context -> {
                    Engine engine = context.getBean(Engine.class);
                    Base.of(User.class).metadata().createAll(engine);
                    Session session = context.getBean(Session.class);
                    new TransactionTemplate(context.getBean(PlatformTransactionManager.class))
                            .executeWithoutResult(status -> session.add(new User("Cy", "cy@example.com")));
                    JdbcTemplate orders = new JdbcTemplate(context.getBean("orders", DataSource.class));
                    assertThat(orders.queryForObject("SELECT name FROM users", String.class))
                            .isEqualTo("Cy");
                });
    }

    private HikariDataSource sqlite(String name) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl("jdbc:sqlite:" + dir.resolve(name));
        return dataSource;
    }

    @Configuration(proxyBeanMethods = false)
    static class CustomizerBeans {

        @Bean
        AtomicLong statements() {
            return new AtomicLong();
        }

        // tag::customizers[]
        @Bean
        SessionFactoryCustomizer noAutoflush() {
            return sessionFactory -> sessionFactory.withAutoflush(false);
        }

        @Bean
        EngineCustomizer countStatements(AtomicLong statements) {
            return engine -> engine.addStatementListener(event -> statements.incrementAndGet());
        }
        // end::customizers[]
    }

    @Configuration(proxyBeanMethods = false)
    static class OrdersBeans {

        // tag::several-data-sources[]
        @Bean(destroyMethod = "dispose")
        Engine engine(@Qualifier("orders") DataSource orders) {
            return Engine.create(
                    new SpringConnectionProvider(orders),
                    EngineDialect.forName("sqlite"),
                    EngineOptions.defaults(),
                    orders);
        }

        @Bean
        PlatformTransactionManager transactionManager(@Qualifier("orders") DataSource orders) {
            return new JdbcTransactionManager(orders);
        }

        @Bean
        SessionFactory sessionFactory(Engine engine) {
            return new SessionFactory(engine);
        }

        @Bean
        Session session(SessionFactory sessionFactory) {
            return SharedSession.create(sessionFactory);
        }
        // end::several-data-sources[]
    }
}
