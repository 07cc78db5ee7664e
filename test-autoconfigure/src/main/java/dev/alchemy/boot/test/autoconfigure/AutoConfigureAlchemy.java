package dev.alchemy.boot.test.autoconfigure;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.jdbc.test.autoconfigure.TestDatabaseAutoConfiguration;
import org.springframework.boot.test.autoconfigure.jdbc.AutoConfigureDataSourceInitialization;

/**
 * The auto-configurations of an {@link AlchemyTest}: the {@code DataSource} and its transaction manager,
 * {@code JdbcTemplate} and {@code JdbcClient}, Flyway and Liquibase when present, and Alchemy's own (engine, models
 * and their tables, session factory, shared session). Use it on a test that sets up its context otherwise, e.g. a
 * {@code @SpringBootTest} with {@code @OverrideAutoConfiguration(enabled = false)}.
 *
 * <p>It replaces Spring Boot's test database auto-configuration (which only knows H2, HSQLDB and Derby) with
 * Alchemy's, which puts a private in-memory SQLite database in place of the application's {@code DataSource} as
 * {@code @AutoConfigureTestDatabase} says.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ImportAutoConfiguration(exclude = TestDatabaseAutoConfiguration.class)
@AutoConfigureDataSourceInitialization
public @interface AutoConfigureAlchemy {}
