package dev.alchemy.boot.autoconfigure.session;

import dev.alchemy.testing.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * {@link SharedSessionTest}'s tests on a real MariaDB (the embedded server of core's tests): the application is the
 * same, only {@code spring.datasource.url} and {@code spring.datasource.username} are set. The dialect is found
 * from the DataSource, and MariaDB's errors arrive as Spring's exceptions.
 */
class MariadbSharedSessionTest extends SharedSessionTest {

    static final TestDatabase db = TestDatabase.create(TestDatabase.Kind.MARIADB, "MariadbSharedSessionTest");

    @DynamicPropertySource
    static void mariadb(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", db::jdbcUrl);
        registry.add("spring.datasource.username", db::username);
    }

    @AfterAll
    static void dropDatabase() {
        db.close();
    }
}
