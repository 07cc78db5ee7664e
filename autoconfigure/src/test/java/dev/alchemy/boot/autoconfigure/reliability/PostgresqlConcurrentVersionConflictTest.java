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

/**
 * {@link ConcurrentVersionConflictTest}'s rounds on PostgreSQL, with the same assertions: exactly one save commits,
 * the other gets {@code OptimisticLockingFailureException} caused by {@code StaleDataError}, and the row holds the
 * winner's text and version 2. There the two UPDATEs do run at the same time: the second waits for the first's row
 * lock, and once the first commits, READ COMMITTED evaluates its {@code WHERE id = ? AND version = ?} again against
 * the committed row, which no longer matches. The application changes only {@code spring.datasource.url} and
 * {@code spring.datasource.username}, as one moving from SQLite does.
 */
class PostgresqlConcurrentVersionConflictTest extends ConcurrentVersionConflictTest {

    static final TestDatabase db =
            TestDatabase.create(TestDatabase.Kind.POSTGRESQL, "PostgresqlConcurrentVersionConflictTest");

    @DynamicPropertySource
    static void postgresql(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", db::jdbcUrl);
        registry.add("spring.datasource.username", db::username);
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
