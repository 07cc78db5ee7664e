package dev.alchemy.boot.test.autoconfigure;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.boot.test.autoconfigure.OverrideAutoConfiguration;
import org.springframework.boot.test.context.PropertyMapping;
import org.springframework.boot.test.context.filter.annotation.TypeExcludeFilters;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.core.annotation.AliasFor;
import org.springframework.test.context.BootstrapWith;
import org.springframework.test.context.junit.jupiter.SpringExtension;
import org.springframework.transaction.annotation.Transactional;

/**
 * A test of the data-access part of an application that uses Alchemy, like Spring Boot's {@code @DataJpaTest}: the
 * context holds only the {@code DataSource}, Alchemy's {@code Engine}, the models found by the usual scan and their
 * tables, the {@code SessionFactory} and the shared {@code Session}, the transaction manager, {@code JdbcTemplate}
 * and {@code JdbcClient} (and Flyway or Liquibase when they are on the class path). Components of the application
 * (services, controllers, repositories) are left out unless {@link #includeFilters()} names them.
 *
 * <p>Each test runs in a transaction that is rolled back at its end (the test's Session never commits: flush when
 * the SQL must run). The database is a private in-memory SQLite database, created for the test's application
 * context, unless {@code @AutoConfigureTestDatabase} says otherwise: {@code replace = NONE} keeps the application's
 * own (an SQLite file, or PostgreSQL through {@code spring.datasource.url}); as with Spring Boot, a
 * {@code spring.datasource.url} or {@code alchemy.url} set by {@code @DynamicPropertySource} is kept too.
 *
 * <pre>{@code
 * @AlchemyTest(includeFilters = @ComponentScan.Filter(type = FilterType.ASSIGNABLE_TYPE, classes = Users.class))
 * class UsersTest {
 *     @Autowired Users users;
 *     @Autowired Session session;
 *
 *     @Test
 *     void registerAddsTheUser() {
 *         User alice = users.register("Alice", "alice@example.com");
 *         session.flush();
 *         assertThat(alice.id).isNotNull();
 *     }
 * }
 * }</pre>
 *
 * @see AutoConfigureAlchemy
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@BootstrapWith(AlchemyTestContextBootstrapper.class)
@ExtendWith(SpringExtension.class)
@OverrideAutoConfiguration(enabled = false)
@TypeExcludeFilters(AlchemyTypeExcludeFilter.class)
@Transactional
@AutoConfigureAlchemy
@AutoConfigureTestDatabase
@ImportAutoConfiguration
public @interface AlchemyTest {

    /**
     * Properties in the form {@literal key=value} added to the test's {@code Environment}.
     *
     * @return the properties
     */
    String[] properties() default {};

    /**
     * Whether every statement and its parameters are logged ({@code alchemy.echo}).
     *
     * @return whether to echo SQL
     */
    @PropertyMapping("alchemy.echo")
    boolean echo() default false;

    /**
     * Whether the default filters of {@code @SpringBootApplication}'s component scan apply. By default they keep
     * every component of the application out of the test.
     *
     * @return whether to use the default filters
     */
    boolean useDefaultFilters() default true;

    /**
     * Components of the application to add to the test's context, e.g. the service under test.
     *
     * @return the include filters
     */
    ComponentScan.Filter[] includeFilters() default {};

    /**
     * Components to keep out of the test's context that would otherwise be in it.
     *
     * @return the exclude filters
     */
    ComponentScan.Filter[] excludeFilters() default {};

    /**
     * Auto-configurations to leave out of this test.
     *
     * @return the auto-configurations to exclude
     */
    @AliasFor(annotation = ImportAutoConfiguration.class, attribute = "exclude")
    Class<?>[] excludeAutoConfiguration() default {};
}
