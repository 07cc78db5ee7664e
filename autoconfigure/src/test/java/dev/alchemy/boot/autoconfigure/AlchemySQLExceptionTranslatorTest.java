package dev.alchemy.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.alchemy.Alchemy;
import dev.alchemy.engine.Engine;
import dev.alchemy.exc.ArgumentError;
import dev.alchemy.exc.IntegrityError;
import dev.alchemy.exc.MultipleResultsFound;
import dev.alchemy.exc.NoResultFound;
import dev.alchemy.exc.PoolTimeoutError;
import java.nio.file.Path;
import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.EmptyResultDataAccessException;
import org.springframework.dao.IncorrectResultSizeDataAccessException;
import org.springframework.dao.InvalidDataAccessApiUsageException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.jdbc.BadSqlGrammarException;

/** Real SQLite errors, as sqlite-jdbc raises them, through both translators. */
class AlchemySQLExceptionTranslatorTest {

    private final AlchemySQLExceptionTranslator translator = new AlchemySQLExceptionTranslator();

    @TempDir
    Path dir;

    private Connection connection;

    private static final String SCHEMA = """
            CREATE TABLE parent (id INTEGER PRIMARY KEY);
            CREATE TABLE child (
                id INTEGER PRIMARY KEY,
                email TEXT NOT NULL UNIQUE,
                age INTEGER CHECK (age >= 0),
                parent_id INTEGER REFERENCES parent (id));
            INSERT INTO parent (id) VALUES (1);
            INSERT INTO child (id, email, age, parent_id) VALUES (1, 'a@example.com', 1, 1);
            """;

    @BeforeEach
    void createSchema() throws SQLException {
        connection = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("errors.db") + "?foreign_keys=true");
        try (Statement statement = connection.createStatement()) {
            // sqlite-jdbc runs only the first statement of a string: one at a time
            for (String sql : SCHEMA.split(";")) {
                if (!sql.isBlank()) {
                    statement.execute(sql);
                }
            }
        }
    }

    @AfterEach
    void close() throws SQLException {
        connection.close();
    }

    private DataAccessException translate(String sql) {
        SQLException error = catchThrowableOfType(SQLException.class, () -> {
            try (Statement statement = connection.createStatement()) {
                statement.execute(sql);
            }
        });
        assertThat((Throwable) error).as("SQLite should have refused: %s", sql).isNotNull();
        assertThat(error.getSQLState()).as("sqlite-jdbc reports no SQLState").isNull();
        DataAccessException translated = translator.translate("test", sql, error);
        assertThat(translated).isNotNull();
        assertThat(translated.getCause()).isSameAs(error);
        return translated;
    }

    @Test
    void primaryKeyAndUniqueViolationsAreDuplicateKeys() {
        assertThat(translate("INSERT INTO child (id, email) VALUES (1, 'b@example.com')"))
                .isInstanceOf(DuplicateKeyException.class)
                .hasMessageContaining("SQL [INSERT INTO child");
        assertThat(translate("INSERT INTO child (id, email) VALUES (2, 'a@example.com')"))
                .isInstanceOf(DuplicateKeyException.class);
    }

    @Test
    void otherConstraintsAreDataIntegrityViolations() {
        assertThat(translate("INSERT INTO child (id, email) VALUES (2, NULL)"))
                .isExactlyInstanceOf(DataIntegrityViolationException.class);
        assertThat(translate("INSERT INTO child (id, email, parent_id) VALUES (2, 'b@example.com', 99)"))
                .isExactlyInstanceOf(DataIntegrityViolationException.class);
        assertThat(translate("INSERT INTO child (id, email, age) VALUES (2, 'b@example.com', -1)"))
                .isExactlyInstanceOf(DataIntegrityViolationException.class);
    }

    @Test
    void syntaxErrorsAndUnknownNamesAreBadSqlGrammar() {
        assertThat(translate("SELEC 1")).isInstanceOf(BadSqlGrammarException.class);
        assertThat(translate("SELECT * FROM missing")).isInstanceOf(BadSqlGrammarException.class);
        assertThat(translate("SELECT missing FROM child")).isInstanceOf(BadSqlGrammarException.class);
        assertThat(translate("CREATE TABLE parent (id INTEGER)")).isInstanceOf(BadSqlGrammarException.class);
    }

    @Test
    void aLockHeldByAnotherConnectionIsCannotAcquireLock() throws SQLException {
        String url = "jdbc:sqlite:" + dir.resolve("errors.db");
        try (Connection holder = DriverManager.getConnection(url);
                Connection waiter = DriverManager.getConnection(url + "?busy_timeout=0")) {
            holder.setAutoCommit(false);
            holder.createStatement().execute("INSERT INTO parent (id) VALUES (2)");
            SQLException busy = catchThrowableOfType(
                    SQLException.class, () -> waiter.createStatement().execute("INSERT INTO parent (id) VALUES (3)"));
            assertThat(busy.getErrorCode()).isEqualTo(5);
            assertThat(translator.translate("test", null, busy)).isInstanceOf(CannotAcquireLockException.class);
            holder.rollback();
        }
    }

    @Test
    void aFailedBatchIsTranslatedAlsoWhenAPoolOrDriverWrapsTheSqliteException() throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO parent (id) VALUES (?)")) {
            insert.setInt(1, 1);
            insert.addBatch();
            SQLException error = catchThrowableOfType(SQLException.class, insert::executeBatch);
            assertThat(translator.translate("batch", null, error)).isInstanceOf(DuplicateKeyException.class);
            BatchUpdateException wrapped = new BatchUpdateException("batch entry 0 failed", new int[0], error);
            assertThat(translator.translate("batch", null, wrapped)).isInstanceOf(DuplicateKeyException.class);
        }
    }

    @Test
    void postgresqlLockStatesAreCannotAcquireLockAndTheRestIsSpringsTranslation() {
        assertThat(translator.translate("t", null, new SQLException("deadlock detected", "40P01")))
                .isInstanceOf(CannotAcquireLockException.class);
        assertThat(translator.translate("t", null, new SQLException("could not obtain lock", "55P03")))
                .isInstanceOf(CannotAcquireLockException.class);
        assertThat(translator.translate("t", null, new SQLException("duplicate key value", "23505")))
                .isInstanceOf(DuplicateKeyException.class);
        assertThat(translator.translate("t", null, new SQLException("no state, no code")))
                .isNull();
    }

    @Test
    void alchemyErrorsFromTheEngineAreTranslatedLikeJdbcTemplates() {
        AlchemyExceptionTranslator alchemy = new AlchemyExceptionTranslator(translator);
        try (Engine engine = Alchemy.createEngine("sqlite:///" + dir.resolve("errors.db"))) {
            IntegrityError duplicate = catchThrowableOfType(
                    IntegrityError.class,
                    () -> engine.useTransaction(c -> c.execute(
                            Alchemy.text("INSERT INTO child (id, email) VALUES (:id, :email)"),
                            Map.of("id", 1, "email", "c@example.com"))));
            DataAccessException translated = alchemy.translateExceptionIfPossible(duplicate);
            assertThat(translated)
                    .isInstanceOf(DuplicateKeyException.class)
                    .hasMessageContaining("INSERT INTO child")
                    .hasMessageContaining("c@example.com");

            NoResultFound none = catchThrowableOfType(
                    NoResultFound.class,
                    () -> engine.useTransaction(c -> c.execute(Alchemy.text("SELECT id FROM parent WHERE id = 42"))
                            .one()));
            assertThat(alchemy.translateExceptionIfPossible(none)).isInstanceOf(EmptyResultDataAccessException.class);
        }
    }

    @Test
    void alchemysOwnErrorsMapByType() {
        AlchemyExceptionTranslator alchemy = new AlchemyExceptionTranslator(translator);
        assertThat(alchemy.translateExceptionIfPossible(new MultipleResultsFound("two rows")))
                .isInstanceOf(IncorrectResultSizeDataAccessException.class);
        assertThat(alchemy.translateExceptionIfPossible(new PoolTimeoutError("no connection")))
                .isInstanceOf(TransientDataAccessResourceException.class);
        assertThat(alchemy.translateExceptionIfPossible(new ArgumentError("bad argument")))
                .isInstanceOf(InvalidDataAccessApiUsageException.class);
        assertThat(alchemy.translateExceptionIfPossible(
                        new IntegrityError("refused", "INSERT", null, new SQLException("no code"))))
                .as("the Alchemy class decides when the SQL translator does not know the error")
                .isExactlyInstanceOf(DataIntegrityViolationException.class);
        assertThat(alchemy.translateExceptionIfPossible(new IllegalStateException("not ours")))
                .isNull();
    }
}
