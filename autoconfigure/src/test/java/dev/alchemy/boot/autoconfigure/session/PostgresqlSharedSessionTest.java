package dev.alchemy.boot.autoconfigure.session;

import dev.alchemy.testing.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * {@link SharedSessionTest}'s tests on a real PostgreSQL: the application is the same, only
 * {@code spring.datasource.url} and {@code spring.datasource.username} are set, as an application moving from
 * SQLite sets them. (With {@code spring.datasource.url} set, the SQLite default of {@code alchemy.url} steps back.)
 */
class PostgresqlSharedSessionTest extends SharedSessionTest {

    static final TestDatabase db = TestDatabase.create(TestDatabase.Kind.POSTGRESQL, "PostgresqlSharedSessionTest");

    @DynamicPropertySource
    static void postgresql(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", db::jdbcUrl);
        registry.add("spring.datasource.username", db::username);
    }

    @AfterAll
    static void dropDatabase() {
        db.close();
    }
}
