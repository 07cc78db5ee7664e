package dev.alchemy.boot.autoconfigure.reliability;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** {@link ReadOnlyTransactionsContract} on an SQLite file, with a pool of one connection. */
class ReadOnlyTransactionsTest extends ReadOnlyTransactionsContract {

    @TempDir
    static Path dir;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> "jdbc:sqlite:" + dir.resolve("read-only.db"));
        registry.add("spring.datasource.hikari.maximum-pool-size", () -> "1");
    }
}
