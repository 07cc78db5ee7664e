package dev.alchemy.boot.autoconfigure.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.alchemy.dialect.Dialect;
import dev.alchemy.engine.Engine;
import dev.alchemy.testing.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** {@link ReadOnlyTransactionsContract} on PostgreSQL, where Spring's {@code setReadOnly(true)} begins a READ ONLY transaction. */
class PostgresqlReadOnlyTransactionsTest extends ReadOnlyTransactionsContract {

    static final TestDatabase db =
            TestDatabase.create(TestDatabase.Kind.POSTGRESQL, "PostgresqlReadOnlyTransactionsTest");

    @DynamicPropertySource
    static void postgresql(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", db::jdbcUrl);
        registry.add("spring.datasource.username", db::username);
        registry.add("spring.datasource.hikari.maximum-pool-size", () -> "1");
    }

    @AfterAll
    static void dropDatabase() {
        db.close();
    }

    @Autowired
    Engine engine;

    @Test
    void theApplicationRunsOnPostgresql() {
        assertThat(Dialect.of(engine).name()).isEqualTo("postgresql");
    }
}
