package dev.alchemy.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.alchemy.Alchemy;
import dev.alchemy.engine.Connection;
import dev.alchemy.engine.Engine;
import dev.alchemy.exc.InvalidRequestError;
import java.nio.file.Path;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.InvalidDataAccessApiUsageException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Repository;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.annotation.Transactional;

/**
 * A real application on an SQLite file: Alchemy's engine and {@code JdbcTemplate} write in one {@code @Transactional}
 * method over one connection, and commit or roll back together.
 */
@SpringBootTest(classes = SharedTransactionTest.App.class)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class SharedTransactionTest {

    @TempDir
    static Path dir;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("alchemy.url", () -> "sqlite:///" + dir.resolve("shared.db"));
    }

    @Autowired
    Notes notes;

    @Autowired
    Engine engine;

    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void emptyTables() {
        jdbc.execute("CREATE TABLE IF NOT EXISTS note (id INTEGER PRIMARY KEY, body TEXT NOT NULL UNIQUE)");
        jdbc.execute("CREATE TABLE IF NOT EXISTS parent (id INTEGER PRIMARY KEY)");
        jdbc.execute("""
                CREATE TABLE IF NOT EXISTS child (
                    id INTEGER PRIMARY KEY,
                    parent_id INTEGER REFERENCES parent (id) DEFERRABLE INITIALLY DEFERRED)""");
        jdbc.execute("DELETE FROM note");
        jdbc.execute("DELETE FROM child");
    }

    private Integer count() {
        return jdbc.queryForObject("SELECT count(*) FROM note", Integer.class);
    }

    @Test
    void alchemyAndJdbcTemplateCommitTogether() {
        notes.writeWithBoth("a", false);
        assertThat(jdbc.queryForList("SELECT body FROM note ORDER BY body", String.class))
                .containsExactly("a by alchemy", "a by jdbc");
    }

    @Test
    void anExceptionRollsBackWhatBothWrote() {
        assertThatThrownBy(() -> notes.writeWithBoth("b", true)).isInstanceOf(IllegalStateException.class);
        assertThat(count()).isZero();
    }

    @Test
    void bothUseTheConnectionOfTheTransaction() {
        assertThat(notes.alchemyUsesTheTransactionsConnection()).isTrue();
    }

    @Test
    void alchemyCannotCommitASpringTransaction() {
        // Notes is a @Repository, so Alchemy's InvalidRequestError arrives translated
        assertThatThrownBy(() -> notes.commitThroughAlchemy())
                .isInstanceOf(InvalidDataAccessApiUsageException.class)
                .hasCauseInstanceOf(InvalidRequestError.class)
                .hasMessageContaining("Spring")
                .hasMessageContaining("@Transactional");
        assertThat(count()).isZero();
    }

    @Test
    void outsideATransactionTheEngineManagesItsOwn() {
        try (Connection connection = engine.begin()) {
            connection.execute(Alchemy.text("INSERT INTO note (body) VALUES (:body)"), Map.of("body", "own"));
        }
        assertThat(count()).isOne();
    }

    @Test
    void aDuplicateKeyIsADuplicateKeyExceptionFromAlchemyAndFromJdbcTemplate() {
        notes.writeWithBoth("c", false);
        assertThatThrownBy(() -> notes.insertWithAlchemy("c by jdbc"))
                .isInstanceOf(DuplicateKeyException.class)
                .hasMessageContaining("INSERT INTO note");
        assertThatThrownBy(() -> jdbc.update("INSERT INTO note (body) VALUES (?)", "c by alchemy"))
                .isInstanceOf(DuplicateKeyException.class);
        assertThat(count()).isEqualTo(2);
    }

    @Test
    void aConstraintCheckedAtCommitIsTranslatedByTheTransactionManager() {
        assertThatThrownBy(() -> notes.insertOrphan())
                .isInstanceOf(DataIntegrityViolationException.class)
                .hasMessageContaining("FOREIGN KEY");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM child", Integer.class))
                .isZero();
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import(Notes.class)
    static class App {}

    @Repository
    static class Notes {

        private final Engine engine;
        private final JdbcTemplate jdbc;
        private final DataSource dataSource;

        Notes(Engine engine, JdbcTemplate jdbc, DataSource dataSource) {
            this.engine = engine;
            this.jdbc = jdbc;
            this.dataSource = dataSource;
        }

        @Transactional
        public void writeWithBoth(String prefix, boolean fail) {
            insertWithAlchemy(prefix + " by alchemy");
            jdbc.update("INSERT INTO note (body) VALUES (?)", prefix + " by jdbc");
            if (fail) {
                throw new IllegalStateException("something went wrong after both writes");
            }
        }

        @Transactional
        public void insertWithAlchemy(String body) {
            try (Connection connection = engine.connect()) {
                connection.execute(Alchemy.text("INSERT INTO note (body) VALUES (:body)"), Map.of("body", body));
            }
        }

        @Transactional
        public boolean alchemyUsesTheTransactionsConnection() {
            try (Connection connection = engine.connect()) {
                return connection.jdbcConnection() == DataSourceUtils.getConnection(dataSource);
            }
        }

        @Transactional
        public void commitThroughAlchemy() {
            try (Connection connection = engine.connect()) {
                connection.execute(Alchemy.text("INSERT INTO note (body) VALUES ('x')"));
                connection.commit();
            }
        }

        @Transactional
        public void insertOrphan() {
            try (Connection connection = engine.connect()) {
                connection.execute(Alchemy.text("INSERT INTO child (id, parent_id) VALUES (1, 99)"));
            }
        }
    }
}
