package dev.alchemy.boot.test.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** When the application's database is kept: {@code replace = NONE}, or a database the test set up itself. */
class AlchemyTestKeepsTheDatabaseTest {

    static String url(DataSource dataSource) throws SQLException {
        try (var connection = dataSource.getConnection()) {
            return connection.getMetaData().getURL();
        }
    }

    @Nested
    @AlchemyTest(properties = "alchemy.url=sqlite:///target/alchemy-test-kept.db")
    @AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
    class ReplaceNone {

        @Autowired
        DataSource dataSource;

        @Test
        void theApplicationsSqliteFileIsUsed() throws SQLException {
            assertThat(url(dataSource)).endsWith("target/alchemy-test-kept.db");
        }
    }

    @Nested
    @AlchemyTest
    class DynamicPropertySourceDatabase {

        @TempDir
        static Path dir;

        @DynamicPropertySource
        static void database(DynamicPropertyRegistry registry) {
            registry.add("alchemy.url", () -> "sqlite:///" + dir.resolve("dynamic.db"));
        }

        @Autowired
        DataSource dataSource;

        @Test
        void aDatabaseTheTestSetUpIsKeptAsWithSpringBoot() throws SQLException {
            assertThat(url(dataSource)).endsWith("dynamic.db");
        }
    }

    @Nested
    @AlchemyTest(properties = "alchemy.url=sqlite:///target/alchemy-test-must-not-exist.db")
    @AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.ANY)
    class ReplaceAny {

        @Autowired
        DataSource dataSource;

        @Test
        void isReplacedByAnInMemoryDatabase() throws SQLException {
            assertThat(url(dataSource)).contains("mode=memory");
        }
    }
}
