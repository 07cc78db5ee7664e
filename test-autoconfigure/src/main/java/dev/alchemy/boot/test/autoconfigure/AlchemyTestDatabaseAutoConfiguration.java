package dev.alchemy.boot.test.autoconfigure;

import dev.alchemy.boot.autoconfigure.AlchemyDataSourceAutoConfiguration;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Role;
import org.springframework.core.env.Environment;

/**
 * Puts a private in-memory SQLite database in place of the application's {@code DataSource} in an
 * {@link AlchemyTest}, as {@code @AutoConfigureTestDatabase}'s {@code replace} says ({@code NON_TEST} by default:
 * replace it unless it is auto-configured for a database the test set up itself). Spring Boot's own test database
 * auto-configuration, which only knows H2, HSQLDB and Derby, is left out of the slice.
 */
@AutoConfiguration(before = {AlchemyDataSourceAutoConfiguration.class, DataSourceAutoConfiguration.class})
public final class AlchemyTestDatabaseAutoConfiguration {

    /** Not for use: an auto-configuration. */
    AlchemyTestDatabaseAutoConfiguration() {}

    @Bean
    @Role(BeanDefinition.ROLE_INFRASTRUCTURE)
    static TestDatabaseReplacer alchemyTestDatabaseReplacer(Environment environment) {
        return new TestDatabaseReplacer(environment);
    }
}
