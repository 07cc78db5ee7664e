package dev.alchemy.boot.autoconfigure;

import dev.alchemy.exc.AlchemyException;
import dev.alchemy.exc.ArgumentError;
import dev.alchemy.exc.DBAPIError;
import dev.alchemy.exc.DataError;
import dev.alchemy.exc.IntegrityError;
import dev.alchemy.exc.InvalidRequestError;
import dev.alchemy.exc.MultipleResultsFound;
import dev.alchemy.exc.NoResultFound;
import dev.alchemy.exc.OperationalError;
import dev.alchemy.exc.PoolTimeoutError;
import dev.alchemy.exc.ProgrammingError;
import dev.alchemy.exc.StaleDataError;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.EmptyResultDataAccessException;
import org.springframework.dao.IncorrectResultSizeDataAccessException;
import org.springframework.dao.InvalidDataAccessApiUsageException;
import org.springframework.dao.InvalidDataAccessResourceUsageException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.dao.support.PersistenceExceptionTranslator;
import org.springframework.jdbc.UncategorizedSQLException;
import org.springframework.jdbc.support.SQLExceptionTranslator;

/**
 * Turns Alchemy's exceptions into Spring's {@link DataAccessException}s, for {@code @Repository} beans (through
 * Boot's {@code PersistenceExceptionTranslationPostProcessor}) and for any code that calls it.
 *
 * <p>An error the database raised ({@link DBAPIError} with the driver's {@link SQLException}) is translated by the
 * {@link SQLExceptionTranslator} (by default {@link AlchemySQLExceptionTranslator}), exactly as {@code JdbcTemplate}
 * would translate it: a duplicate key is a {@code DuplicateKeyException} whichever of the two ran the statement.
 * When that translator does not know the error, the Alchemy class decides ({@link IntegrityError} to
 * {@link DataIntegrityViolationException}, {@link ProgrammingError} to {@link InvalidDataAccessResourceUsageException},
 * {@link OperationalError} to {@link DataAccessResourceFailureException}, else {@link UncategorizedSQLException}).
 * Alchemy's own errors map by type: {@link StaleDataError} (an optimistic locking conflict) to
 * {@link OptimisticLockingFailureException}, {@link NoResultFound} to {@link EmptyResultDataAccessException},
 * {@link MultipleResultsFound} to {@link IncorrectResultSizeDataAccessException}, {@link PoolTimeoutError} to
 * {@link TransientDataAccessResourceException}, misuse ({@link InvalidRequestError}, {@link ArgumentError}) to
 * {@link InvalidDataAccessApiUsageException}. Exceptions that are not Alchemy's are left alone (null).
 */
public class AlchemyExceptionTranslator implements PersistenceExceptionTranslator {

    private static final String TASK = "Alchemy";

    /** First match wins: a subclass must come before its superclass. */
    private static final List<Rule<?>> RULES = List.of(
            new Rule<>(StaleDataError.class, e -> new OptimisticLockingFailureException(e.getMessage(), e)),
            new Rule<>(NoResultFound.class, e -> new EmptyResultDataAccessException(e.getMessage(), 1, e)),
            new Rule<>(
                    MultipleResultsFound.class, e -> new IncorrectResultSizeDataAccessException(e.getMessage(), 1, e)),
            new Rule<>(PoolTimeoutError.class, e -> new TransientDataAccessResourceException(e.getMessage(), e)),
            new Rule<>(IntegrityError.class, e -> new DataIntegrityViolationException(e.getMessage(), e)),
            new Rule<>(DataError.class, e -> new DataIntegrityViolationException(e.getMessage(), e)),
            new Rule<>(ProgrammingError.class, e -> new InvalidDataAccessResourceUsageException(e.getMessage(), e)),
            new Rule<>(OperationalError.class, e -> new DataAccessResourceFailureException(e.getMessage(), e)),
            new Rule<>(DBAPIError.class, AlchemyExceptionTranslator::uncategorized),
            new Rule<>(InvalidRequestError.class, e -> new InvalidDataAccessApiUsageException(e.getMessage(), e)),
            new Rule<>(ArgumentError.class, e -> new InvalidDataAccessApiUsageException(e.getMessage(), e)));

    private final SQLExceptionTranslator sqlExceptionTranslator;

    /** Creates a translator that reads database errors with an {@link AlchemySQLExceptionTranslator}. */
    public AlchemyExceptionTranslator() {
        this(new AlchemySQLExceptionTranslator());
    }

    /**
     * Creates a translator that reads database errors with the given translator.
     *
     * @param sqlExceptionTranslator the translator for the driver's exceptions
     */
    public AlchemyExceptionTranslator(SQLExceptionTranslator sqlExceptionTranslator) {
        this.sqlExceptionTranslator = Objects.requireNonNull(sqlExceptionTranslator, "sqlExceptionTranslator");
    }

    @Override
    public @Nullable DataAccessException translateExceptionIfPossible(RuntimeException ex) {
        if (!(ex instanceof AlchemyException)) {
            return null;
        }
        if (ex instanceof DBAPIError error && error.sqlException() != null) {
            SQLException cause = Objects.requireNonNull(error.sqlException());
            DataAccessException translated = sqlExceptionTranslator.translate(task(error), error.sql(), cause);
            if (translated != null) {
                return translated;
            }
        }
        for (Rule<?> rule : RULES) {
            DataAccessException translated = rule.apply(ex);
            if (translated != null) {
                return translated;
            }
        }
        return null;
    }

    private static DataAccessException uncategorized(DBAPIError error) {
        SQLException cause = error.sqlException();
        return cause != null
                ? new UncategorizedSQLException(task(error), error.sql(), cause)
                : new DataAccessResourceFailureException(error.getMessage(), error);
    }

    private static String task(DBAPIError error) {
        List<?> parameters = error.parameters();
        if (parameters == null || parameters.isEmpty()) {
            return TASK;
        }
        String text = parameters.toString();
        return TASK + " with parameters " + (text.length() <= 500 ? text : text.substring(0, 500) + "...");
    }

    private record Rule<E extends AlchemyException>(
            Class<E> type, Function<? super E, ? extends DataAccessException> translation) {

        @Nullable
        DataAccessException apply(RuntimeException ex) {
            return type.isInstance(ex) ? translation.apply(type.cast(ex)) : null;
        }
    }
}
