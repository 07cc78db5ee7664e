package dev.alchemy.boot.autoconfigure.data;

import dev.alchemy.testing.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** {@link RepositoriesTest} on a real PostgreSQL. */
class PostgresqlRepositoriesTest extends RepositoriesTest {

    static final TestDatabase db = TestDatabase.create(TestDatabase.Kind.POSTGRESQL, "PostgresqlRepositoriesTest");

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
