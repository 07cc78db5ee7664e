package dev.alchemy.boot.autoconfigure.slice;

import static org.assertj.core.api.Assertions.assertThat;

import dev.alchemy.orm.Session;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.boot.jdbc.test.autoconfigure.JdbcTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.transaction.TestTransaction;

/**
 * {@code @JdbcTest} brings Alchemy along: the scanned models' tables, the shared {@code Session}, in the test's own
 * transaction with {@code JdbcTemplate}, rolled back when the test ends. The database is the application's SQLite file
 * ({@code replace = NONE}: there is no embedded database to swap in).
 */
@JdbcTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
class JdbcTestSliceTest {

    @TempDir
    static Path dir;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("alchemy.url", () -> "sqlite:///" + dir.resolve("slice.db"));
    }

    @Autowired
    Session session;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theSessionWritesInTheTestsTransactionWhichRollsBack() {
        session.add(new Memo("written in a test"));
        session.flush();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM memo", Integer.class))
                .isOne(); // one transaction
        assertThat(TestTransaction.isFlaggedForRollback()).isTrue();
        TestTransaction.end();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM memo", Integer.class))
                .isZero();
    }
}
