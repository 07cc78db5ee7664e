package dev.alchemy.boot.test.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.alchemy.engine.Engine;
import dev.alchemy.orm.Session;
import dev.alchemy.testing.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.transaction.TestTransaction;

/** The slice on a real PostgreSQL, kept with {@code replace = NONE}: the test's writes are rolled back there too. */
@AlchemyTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class PostgresqlAlchemyTestTest {

    static final TestDatabase db = TestDatabase.create(TestDatabase.Kind.POSTGRESQL, "PostgresqlAlchemyTestTest");

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", db::jdbcUrl);
        registry.add("spring.datasource.username", db::username);
    }

    @AfterAll
    static void dropDatabase() {
        db.close();
    }

    @Autowired
    Engine engine;

    @Autowired
    Session session;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theSessionWritesToPostgresqlInTheTestsTransactionWhichRollsBack() {
        assertThat(engine.dialect().name()).isEqualTo("postgresql");
        session.add(new Memo("on postgresql"));
        session.flush();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM memo", Integer.class))
                .isOne();
        TestTransaction.end();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM memo", Integer.class))
                .isZero();
    }
}
