package dev.alchemy.engine;

import java.util.List;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * What a statement returned: its rows (read completely when the statement ran, so the result stays usable after
 * the connection is closed) and the number of rows it changed.
 *
 * <pre>{@code
 * Result result = conn.execute(text("SELECT id, name FROM users ORDER BY id"));
 * for (Row row : result) { ... }
 * }</pre>
 */
public interface Result extends Iterable<Row> {

    /** @return every row, in order */
    List<Row> all();

    /** @return the first row, or null when there is none */
    @Nullable
    Row first();

    /**
     * @return the only row
     * @throws dev.alchemy.exc.NoResultFound when there is none
     * @throws dev.alchemy.exc.MultipleResultsFound when there are several
     */
    Row one();

    /**
     * @return the only row, or null when there is none
     * @throws dev.alchemy.exc.MultipleResultsFound when there are several
     */
    @Nullable
    Row oneOrNone();

    /** @return the first column of the first row, or null when there are no rows */
    @Nullable
    Object scalar();

    /**
     * @param type the wanted type
     * @param <T> the wanted type
     * @return the first column of the first row converted to the type, or null when there are no rows
     */
    <T> @Nullable T scalar(Class<T> type);

    /** @return the first column of every row */
    List<@Nullable Object> scalars();

    /**
     * @param type the wanted type
     * @param <T> the wanted type
     * @return the first column of every row converted to the type
     */
    <T> List<@Nullable T> scalars(Class<T> type);

    /** @return the column names; empty for a statement that returns no rows */
    List<String> keys();

    /**
     * @return for INSERT, UPDATE and DELETE the number of rows changed (summed over an executemany); for a query
     *     the number of rows returned
     */
    long rowcount();

    /**
     * The rows as records: each row's columns go to the record's components by name (exact, or ignoring case and
     * underscores: {@code user_name} fills {@code userName}), or by position when the names do not match but the
     * counts do. Values are converted to the components' types.
     *
     * <pre>{@code
     * record UserView(int id, String name) {}
     * List<UserView> views = conn.execute(select(users.c("id"), users.c("name"))).into(UserView.class);
     * }</pre>
     *
     * @param recordType a record class
     * @param <R> the record type
     * @return one record per row
     * @throws dev.alchemy.exc.ArgumentError when the record's components do not match the columns
     */
    <R extends Record> List<R> into(Class<R> recordType);

    /** @return the rows as a stream */
    Stream<Row> stream();

    /** @return true when the statement returns rows (a query or a statement with RETURNING) */
    boolean returnsRows();

    /**
     * The key the database generated for an INSERT without RETURNING, as the driver reports it: SQLAlchemy's
     * {@code CursorResult.lastrowid}. On MySQL and MariaDB it is the AUTO_INCREMENT value of the statement's first
     * row ({@code LAST_INSERT_ID()}), also for a multi-row INSERT.
     *
     * <pre>{@code
     * Long id = conn.execute(insert(users).values(Map.of("name", "Ann"))).lastRowId();
     * }</pre>
     *
     * @return the generated key, or null when the statement generated none, was not an INSERT, or the dialect does
     *     not read generated keys (PostgreSQL and SQLite: use {@code returning(...)})
     */
    default @Nullable Long lastRowId() {
        return null;
    }
}
