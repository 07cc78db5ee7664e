package dev.alchemy.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ArgumentsSource;

/**
 * Runs a whole test class once per database: first on SQLite, then on PostgreSQL, then on MariaDB (the embedded
 * servers, {@link PostgresServer} and {@link MariadbServer}), each time
 * with a fresh {@link TestDatabase} that the class receives as its parameter and that is closed (database dropped,
 * file deleted) after the class's tests on it. One suite, not a copy per database:
 *
 * <pre>{@code
 * @OnDatabases                          // or @OnDatabases(Kind.POSTGRESQL) for one kind only
 * class EngineTest {
 *     @Parameter TestDatabase db;       // org.junit.jupiter.params.Parameter
 *     Engine engine;
 *
 *     @BeforeEach void open() { engine = db.createEngine(); }
 *     @AfterEach void clean() { db.reset(); }
 *
 *     @Test void insertsAndReads() { ... if (db.isPostgresql()) { ... } ... }
 * }
 * }</pre>
 *
 * <p>This is JUnit Jupiter's {@link ParameterizedClass} (a class template) with {@link TestDatabases} as its source,
 * chosen over a parameterized method per test because the database and its engine belong to the class, and over
 * an abstract base class because suites may already extend something. The report shows each test under
 * {@code [1] sqlite}, {@code [2] postgresql} and {@code [3] mariadb}. Setting the system property {@code alchemy.test.databases} to
 * {@code sqlite} (or {@code postgresql}, {@code mariadb}, or a comma-separated list) runs only those kinds, for a quick local loop; CI runs all three.
 */
@Target({ElementType.TYPE, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ParameterizedClass(name = "[{index}] {0}", allowZeroInvocations = true)
@ArgumentsSource(TestDatabases.class)
public @interface OnDatabases {

    /** @return the kinds of database to run the class on; all three by default */
    TestDatabase.Kind[] value() default {
        TestDatabase.Kind.SQLITE, TestDatabase.Kind.POSTGRESQL, TestDatabase.Kind.MARIADB
    };
}
