package dev.alchemy.boot.test.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.alchemy.boot.autoconfigure.AlchemyModels;
import dev.alchemy.engine.Engine;
import dev.alchemy.orm.Session;
import dev.alchemy.orm.SessionFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.transaction.TestTransaction;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The slice with its defaults: the application's database (here an SQLite file named by {@code alchemy.url}) is
 * replaced by a private in-memory SQLite database, only the data-access beans are in the context, and each test's
 * transaction is rolled back.
 */
@AlchemyTest(properties = "alchemy.url=sqlite:///target/alchemy-test-must-not-exist.db")
class AlchemyTestTest {

    @Autowired
    ApplicationContext context;

    @Autowired
    DataSource dataSource;

    @Autowired
    Session session;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theDatabaseIsAPrivateInMemorySqliteDatabase() throws SQLException {
        try (var connection = dataSource.getConnection()) {
            assertThat(connection.getMetaData().getURL())
                    .startsWith("jdbc:sqlite:file:alchemy-memory-")
                    .contains("mode=memory");
        }
        assertThat(Files.exists(Path.of("target/alchemy-test-must-not-exist.db")))
                .isFalse();
        assertThat(context.getBean(Engine.class).dialect().name()).isEqualTo("sqlite");
    }

    @Test
    void onlyTheDataAccessPartOfTheApplicationIsInTheContext() {
        assertThat(context.getBeansOfType(Engine.class)).hasSize(1);
        assertThat(context.getBeansOfType(SessionFactory.class)).hasSize(1);
        assertThat(context.getBeansOfType(PlatformTransactionManager.class)).hasSize(1);
        assertThat(context.getBeansOfType(JdbcClient.class)).hasSize(1);
        assertThat(context.getBean(AlchemyModels.class).models()).containsExactly(Memo.class);
        assertThat(context.getBeansOfType(Memos.class)).isEmpty();
    }

    @Test
    void theSessionWritesInTheTestsTransactionWhichRollsBack() {
        session.add(new Memo("written in a test"));
        session.flush();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM memo", Integer.class))
                .isOne(); // the Session and JdbcTemplate share the test's transaction
        assertThat(TestTransaction.isFlaggedForRollback()).isTrue();
        TestTransaction.end();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM memo", Integer.class))
                .isZero();
    }
}
