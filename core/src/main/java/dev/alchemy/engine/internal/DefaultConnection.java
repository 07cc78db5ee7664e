package dev.alchemy.engine.internal;

import dev.alchemy.engine.BoundParameter;
import dev.alchemy.engine.CompiledStatement;
import dev.alchemy.engine.Connection;
import dev.alchemy.engine.Engine;
import dev.alchemy.engine.EngineDialect;
import dev.alchemy.engine.Executable;
import dev.alchemy.engine.Result;
import dev.alchemy.engine.ResultColumn;
import dev.alchemy.engine.Row;
import dev.alchemy.engine.StatementEvent;
import dev.alchemy.engine.StreamingResult;
import dev.alchemy.engine.Transaction;
import dev.alchemy.engine.ValueBinder;
import dev.alchemy.engine.WriteTurn;
import dev.alchemy.exc.ArgumentError;
import dev.alchemy.exc.DBAPIError;
import dev.alchemy.exc.DataError;
import dev.alchemy.exc.InvalidRequestError;
import dev.alchemy.exc.OperationalError;
import dev.alchemy.exc.ResourceClosedError;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** A connection: executes compiled statements and keeps the transaction state. */
final class DefaultConnection implements Connection {

    private final DefaultEngine engine;
    private final EngineDialect dialect;
    private final java.sql.Connection jdbc;
    private final boolean external;
    private final boolean commitOnClose;
    private final SqlLog log;
    /** The open savepoints, innermost first; made by the first {@link #beginNested()}. */
    private @Nullable Deque<Nested> savepoints;
    /** The statements prepared for this checkout: its own, or those kept for its physical connection; on first use. */
    private @Nullable StatementCache statements;
    /** Whether {@link #statements} is kept for the physical connection, to be released rather than closed. */
    private boolean sharedStatements;

    private @Nullable Root explicit;
    private boolean inTransaction;
    /** The engine's write turn this connection's immediate transaction holds, or null. */
    private @Nullable WriteTurn writeTurn;
    /** The first statement that failed in the current transaction (or since the savepoint that undid it). */
    private @Nullable DBAPIError failure;
    /** The error after which the database rolled back the whole transaction by itself (SQLite, on a full disk). */
    private @Nullable DBAPIError lost;
    /** Whether a statement, COMMIT or ROLLBACK failed during this checkout; the state is then checked on close. */
    private boolean sawError;
    /** Why the physical connection must be thrown away rather than pooled again when this one closes. */
    private @Nullable String discard;
    /** Whether transactions begun from now on are read-only ({@link #setReadOnly}). */
    private boolean readOnly;
    /** Whether the current transaction was made read-only on the JDBC connection, to be undone when it ends. */
    private boolean readOnlyApplied;
    /**
     * Whether the current read-only transaction's guard waits for its first statement that is not a SELECT: where the
     * guard is a statement of its own (SQLite's {@code PRAGMA query_only}, on and off again), a transaction that only
     * selects would pay two statements for nothing.
     */
    private boolean readOnlyDeferred;

    private boolean closed;

    /** The streaming results open on this connection, closed when the transaction ends; made by the first. */
    private @Nullable List<CursorResult> cursors;
    /** How many streaming results this connection has opened: their serial numbers. */
    private long cursorSerial;

    DefaultConnection(
            DefaultEngine engine,
            EngineDialect dialect,
            java.sql.Connection jdbc,
            boolean external,
            boolean commitOnClose)
            throws SQLException {
        this.engine = engine;
        this.dialect = dialect;
        this.jdbc = jdbc;
        this.external = external;
        this.commitOnClose = commitOnClose;
        this.log = engine.log();
        if (!external && jdbc.getAutoCommit()) {
            jdbc.setAutoCommit(false);
        }
        if (commitOnClose) {
            beginIfNeeded("BEGIN");
        }
    }

    @Override
    public Result execute(Executable statement) {
        return execute(statement, Map.of());
    }

    @Override
    public Result execute(Executable statement, Map<String, ?> parameters) {
        Objects.requireNonNull(statement, "statement");
        Objects.requireNonNull(parameters, "parameters");
        checkOpen();
        CompiledStatement compiled = statement.compile(dialect, engine.statementCache());
        checkNotLost(compiled.sql());
        List<@Nullable Object> values = values(compiled, parameters);
        beginIfNeeded("BEGIN (implicit)");
        guardWrites(statement);
        log.statement(compiled.sql(), values, 1);
        long start = System.nanoTime();
        boolean ok = false;
        try {
            List<ResultColumn> columns = compiled.columns();
            boolean keys = columns == null && dialect.readsGeneratedKeys() && isInsert(compiled.sql());
            PreparedStatement ps = statements().prepare(compiled.sql(), keys);
            bind(ps, compiled.parameters(), values);
            Result result;
            if (columns != null) {
                // known to return rows (a SELECT, RETURNING): executeQuery, which spares sqlite-jdbc's check of every
                // execute()d INSERT for generated keys (a regex over the SQL, then SELECT last_insert_rowid())
                result = readRows(ps.executeQuery(), columns, compiled.sql(), values);
            } else {
                result = ps.execute()
                        ? readRows(ps.getResultSet(), null, compiled.sql(), values)
                        : BufferedResult.changed(updateCount(ps), dialect, keys ? firstGeneratedKey(ps) : null);
            }
            ok = true;
            return result;
        } catch (SQLException e) {
            if (statements != null) {
                statements.discard(compiled.sql());
            }
            throw fail(e, compiled.sql(), values);
        } finally {
            report(compiled.sql(), 1, start, ok);
        }
    }

    @Override
    public StreamingResult stream(Executable statement, Map<String, ?> parameters, int batchSize) {
        Objects.requireNonNull(statement, "statement");
        Objects.requireNonNull(parameters, "parameters");
        if (batchSize < 1) {
            throw new ArgumentError("a streaming batch size must be 1 or more, was " + batchSize);
        }
        checkOpen();
        CompiledStatement compiled = statement.compile(dialect, engine.statementCache());
        checkNotLost(compiled.sql());
        List<@Nullable Object> values = values(compiled, parameters);
        beginIfNeeded("BEGIN (implicit)");
        guardWrites(statement);
        log.statement(compiled.sql(), values, 1);
        long start = System.nanoTime();
        boolean ok = false;
        PreparedStatement ps = null;
        try {
            // a statement of its own, not one of the cache: it stays open, with its cursor, while the rows are read
            ps = jdbc.prepareStatement(compiled.sql(), ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
            bind(ps, compiled.parameters(), values);
            dialect.prepareForStreaming(ps, batchSize);
            List<ResultColumn> columns = compiled.columns();
            ResultSet rs = columns != null ? ps.executeQuery() : ps.execute() ? ps.getResultSet() : null;
            CursorResult result;
            if (rs == null) {
                ps.close();
                result = CursorResult.empty(compiled.sql());
            } else {
                RowReader reader;
                try {
                    reader = new RowReader(rs, columns, dialect);
                } catch (SQLException | RuntimeException e) {
                    rs.close();
                    throw e;
                }
                result = new CursorResult(this, ps, rs, reader, compiled.sql(), values, ++cursorSerial);
                List<CursorResult> open = cursors;
                if (open == null) {
                    open = new ArrayList<>(2);
                    cursors = open;
                }
                open.add(result);
            }
            ok = true;
            return result;
        } catch (SQLException e) {
            closeQuietly(ps, e);
            throw fail(e, compiled.sql(), values);
        } catch (RuntimeException e) {
            closeQuietly(ps, e);
            throw e;
        } finally {
            report(compiled.sql(), 1, start, ok);
        }
    }

    private static void closeQuietly(@Nullable PreparedStatement ps, Exception error) {
        if (ps != null) {
            try {
                ps.close();
            } catch (SQLException | RuntimeException e) {
                error.addSuppressed(e);
            }
        }
    }

    /** A streaming result closed itself: it needs no closing at the end of the transaction. */
    void forget(CursorResult result) {
        List<CursorResult> open = cursors;
        if (open != null) {
            open.remove(result);
        }
    }

    /**
     * Closes the streaming results still open, all of them or those opened after a savepoint ({@code serial} and
     * later), before their transaction or savepoint ends: their cursors end with it.
     */
    private void closeCursors(long fromSerial, String reason) {
        List<CursorResult> open = cursors;
        if (open == null || open.isEmpty()) {
            return;
        }
        for (java.util.Iterator<CursorResult> it = open.iterator(); it.hasNext(); ) {
            CursorResult result = it.next();
            if (result.serial >= fromSerial) {
                it.remove();
                result.closeBecause(reason);
            }
        }
    }

    @Override
    public Result execute(Executable statement, List<? extends Map<String, ?>> parameterSets) {
        Objects.requireNonNull(statement, "statement");
        Objects.requireNonNull(parameterSets, "parameterSets");
        if (parameterSets.isEmpty()) {
            throw new ArgumentError("executemany needs at least one parameter set; the list was empty");
        }
        if (parameterSets.size() == 1) {
            return execute(statement, parameterSets.get(0));
        }
        checkOpen();
        CompiledStatement compiled = statement.compile(dialect, engine.statementCache());
        checkNotLost(compiled.sql());
        List<List<@Nullable Object>> sets = new ArrayList<>(parameterSets.size());
        for (Map<String, ?> parameters : parameterSets) {
            sets.add(values(compiled, Objects.requireNonNull(parameters, "parameter set")));
        }
        beginIfNeeded("BEGIN (implicit)");
        guardWrites(statement);
        log.statement(compiled.sql(), sets, sets.size());
        long start = System.nanoTime();
        boolean ok = false;
        try {
            // prepared as a single execute() of the same text would be, since both share the statement cache
            boolean keys = compiled.columns() == null && dialect.readsGeneratedKeys() && isInsert(compiled.sql());
            PreparedStatement ps = statements().prepare(compiled.sql(), keys);
            for (List<@Nullable Object> values : sets) {
                bind(ps, compiled.parameters(), values);
                ps.addBatch();
            }
            long total = 0;
            for (int count : ps.executeBatch()) {
                if (count > 0) {
                    total += count;
                }
            }
            ok = true;
            return BufferedResult.changed(total, dialect);
        } catch (SQLException e) {
            throw fail(e, compiled.sql(), sets);
        } finally {
            if (!ok && statements != null) {
                // a value refused while binding, or a failed batch: never leave rows batched in a kept statement
                statements.discard(compiled.sql());
            }
            report(compiled.sql(), sets.size(), start, ok);
        }
    }

    /**
     * This checkout's statement cache. A connection whose transaction Alchemy manages, from a HikariCP pool (under a
     * wrapping data source only with {@code keepStatementsPastWrappers}), on a database that
     * {@linkplain EngineDialect#keepsStatementsAcrossCheckouts() keeps statements}, uses the one kept for its physical
     * connection. Statements run on the physical connection do not pass through the pool's proxy,
     * which then does not count them as uncommitted work; that is safe because such a connection always ends its
     * transaction itself, through the proxy, before it goes back. A Spring-managed transaction's connection keeps
     * its statements to itself, since Alchemy does not end that transaction.
     */
    private StatementCache statements() throws SQLException {
        StatementCache s = statements;
        if (s == null) {
            if (!external && dialect.keepsStatementsAcrossCheckouts()) {
                s = engine.statementCaches().acquireFor(jdbc, engine.options().keepStatementsPastWrappers());
                sharedStatements = s != null;
            }
            if (s == null) {
                s = new StatementCache(jdbc);
            }
            statements = s;
        }
        return s;
    }

    /** @return this checkout's statement cache, taken now if not yet (for tests) */
    StatementCache statementCache() throws SQLException {
        return statements();
    }

    /** Whether the text is an INSERT (or REPLACE), after leading blanks: a statement that may generate keys. */
    private static boolean isInsert(String sql) {
        int i = 0;
        while (i < sql.length() && Character.isWhitespace(sql.charAt(i))) {
            i++;
        }
        return sql.regionMatches(true, i, "INSERT", 0, 6) || sql.regionMatches(true, i, "REPLACE", 0, 7);
    }

    /** The first key the driver reports, or null when the statement generated none (MySQL reports 0 then). */
    private static @Nullable Long firstGeneratedKey(PreparedStatement ps) throws SQLException {
        try (ResultSet rs = ps.getGeneratedKeys()) {
            if (rs == null || !rs.next()) {
                return null;
            }
            long key = rs.getLong(1);
            return rs.wasNull() || key == 0 ? null : key;
        }
    }

    private static long updateCount(PreparedStatement ps) throws SQLException {
        return Math.max(ps.getUpdateCount(), 0);
    }

    private List<@Nullable Object> values(CompiledStatement compiled, Map<String, ?> parameters) {
        List<BoundParameter> params = compiled.parameters();
        @Nullable Object[] values = new Object[params.size()];
        boolean given = !parameters.isEmpty();
        for (int i = 0; i < values.length; i++) {
            BoundParameter p = params.get(i);
            if (given) {
                Object value = parameters.get(p.key());
                if (value != null || parameters.containsKey(p.key())) {
                    values[i] = value;
                    continue;
                }
            }
            if (p.hasValue()) {
                values[i] = p.value();
            } else {
                throw new ArgumentError("a value is required for parameter '" + p.key() + "' in: "
                        + excerpt(compiled.sql()) + "; given parameters: " + new ArrayList<>(parameters.keySet()));
            }
        }
        return Arrays.asList(values);
    }

    /** The SQL for a message, cut at 2,000 characters as {@link DBAPIError} cuts it. */
    private static String excerpt(String sql) {
        return sql.length() <= 2000
                ? sql
                : sql.substring(0, 2000) + "... (" + (sql.length() - 2000) + " characters cut)";
    }

    private void bind(PreparedStatement ps, List<BoundParameter> params, List<@Nullable Object> values)
            throws SQLException {
        for (int i = 0; i < values.size(); i++) {
            Object value = values.get(i);
            BoundParameter param = params.get(i);
            if (value instanceof String text) {
                checkEncodable(text, param);
            }
            ValueBinder binder = param.binder();
            try {
                if (binder != null) {
                    binder.bind(ps, i + 1, value);
                } else {
                    dialect.bind(ps, i + 1, value);
                }
            } catch (ArgumentError e) {
                // the binder names the value and the type; the parameter (an INSERT's or UPDATE's column) is known here
                throw new ArgumentError("parameter '" + param.key() + "': " + e.getMessage(), e);
            }
        }
    }

    /**
     * Refuses text with a lone UTF-16 surrogate: no database encoding can store it, and the drivers would silently
     * write '?' in its place (Python, and so SQLAlchemy, refuse such a string too). Every bound string is scanned,
     * so the scan is a loop that only looks for a surrogate at all; the pairs are checked from the first one on.
     */
    private static void checkEncodable(String text, BoundParameter parameter) {
        for (int i = 0, n = text.length(); i < n; i++) {
            if (Character.isSurrogate(text.charAt(i))) {
                checkSurrogates(text, i, parameter);
                return;
            }
        }
    }

    private static void checkSurrogates(String text, int from, BoundParameter parameter) {
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isSurrogate(c)) {
                boolean paired = Character.isHighSurrogate(c)
                        && i + 1 < text.length()
                        && Character.isLowSurrogate(text.charAt(i + 1));
                if (!paired) {
                    throw new dev.alchemy.exc.UnencodableTextError(
                            "the text for parameter '" + parameter.key() + "' has an unpaired UTF-16 "
                                    + "surrogate (\\u" + Integer.toHexString(c).toUpperCase(java.util.Locale.ROOT)
                                    + " at index " + i
                                    + "), which cannot be encoded as UTF-8; the driver would store '?' in "
                                    + "its place. Fix the text where it was built (a String cut in the middle of a character?)");
                }
                i++; // the low surrogate of the pair
            }
        }
    }

    private Result readRows(ResultSet rs, @Nullable List<ResultColumn> columns, String sql, List<?> parameters)
            throws SQLException {
        try (rs) {
            RowReader reader = new RowReader(rs, columns, dialect);
            List<Row> rows = new ArrayList<>();
            try {
                while (rs.next()) {
                    rows.add(reader.read(rs));
                }
            } catch (RowReader.Unreadable e) {
                throw unreadable(e.error, e.column, sql, parameters);
            }
            return new BufferedResult(reader.keys(), Collections.unmodifiableList(rows), rows.size(), true, dialect);
        }
    }

    /**
     * A value that could not be read as its column's Java type: a {@link DataError} naming the column and saying
     * why (the reader's own error names the value and the type), never a raw driver or JDK exception. Not a
     * failure of the statement, so the transaction stays usable.
     */
    DataError unreadable(Exception e, String column, String sql, List<?> parameters) {
        String why = e instanceof DBAPIError d
                ? d.reason()
                : e instanceof dev.alchemy.exc.AlchemyException ? e.getMessage() : e.toString();
        return new DataError(
                "cannot read column " + column + ": " + why,
                sql,
                engine.options().hideParameters() ? null : parameters,
                e);
    }

    DBAPIError fail(SQLException e, String sql, List<?> values) {
        DBAPIError error = dialect.translate(e, sql, engine.options().hideParameters() ? null : values);
        if (failure == null) {
            failure = error;
        } else if (failure != error) {
            // PostgreSQL refuses every statement after a failed one; the first failure says why
            error.addSuppressed(failure);
        }
        sawError = true;
        if (inTransaction && lost == null && transactionLost(error)) {
            lost = error;
        }
        return error;
    }

    /**
     * Whether the database rolled the transaction back by itself after this error (SQLite on SQLITE_FULL): its
     * earlier statements are undone, and the driver, not told, would commit each later statement on its own.
     */
    private boolean transactionLost(DBAPIError error) {
        try {
            return !jdbc.getAutoCommit() && dialect.transactionLost(jdbc);
        } catch (SQLException | RuntimeException e) {
            error.addSuppressed(e);
            discard = "its transaction state could not be read after an error";
            return true;
        }
    }

    private void checkNotLost(String sql) {
        DBAPIError cause = lost;
        if (cause != null) {
            throw lostError(sql, cause);
        }
        if (discard != null && !external) {
            throw new InvalidRequestError("this connection can no longer be used: " + discard
                    + ", so its state is in doubt; close it (it is discarded, not pooled) and take a new one");
        }
    }

    private OperationalError lostError(String sql, DBAPIError cause) {
        return new OperationalError(
                "the database rolled back this whole transaction by itself when a statement failed ("
                        + firstLine(cause.getMessage()) + "), so everything it wrote is undone; "
                        + (external
                                ? "let the transaction manager roll back (leave the @Transactional method with the error)"
                                : "call rollback() and run the transaction again"),
                sql,
                null,
                cause);
    }

    private static String firstLine(@Nullable String text) {
        String value = String.valueOf(text);
        int newline = value.indexOf('\n');
        return newline < 0 ? value : value.substring(0, newline);
    }

    private void report(String sql, int batchSize, long start, boolean ok) {
        if (engine.hasListeners()) {
            engine.fire(new StatementEvent(sql, batchSize, Duration.ofNanos(System.nanoTime() - start), !ok));
        }
    }

    private void beginIfNeeded(String message) {
        if (!inTransaction) {
            if (!external) {
                log.message(readOnly ? message + " (read-only)" : message);
                if (readOnly) {
                    if (dialect.transactionReadOnlyStatement(true) != null) {
                        readOnlyDeferred = true; // set by the first statement that may write: guardWrites
                    } else {
                        beginReadOnly();
                    }
                } else if (engine.options().immediateTransactions() && dialect.supportsImmediateTransactions()) {
                    beginImmediate();
                }
            }
            inTransaction = true;
        }
    }

    /**
     * Sets a read-only transaction's deferred guard before a statement that is not a SELECT: the database refuses
     * it then, as it would have from the start. A SELECT of this dialect cannot write (the dialect's contract for
     * {@link EngineDialect#transactionReadOnlyStatement}).
     */
    private void guardWrites(Executable statement) {
        if (readOnlyDeferred && !statement.isSelect()) {
            setDeferredGuard();
        }
    }

    /** Sets the deferred guard; owed still, to the next statement, if setting it failed. */
    private void setDeferredGuard() {
        beginReadOnly();
        readOnlyDeferred = false;
    }

    private void beginReadOnly() {
        try {
            applyReadOnly(true);
        } catch (SQLException e) {
            throw dialect.translate(e, "SET TRANSACTION READ ONLY", null);
        }
        readOnlyApplied = true;
    }

    /** Makes the connection read-write again once its read-only transaction has ended, before anyone else uses it. */
    private void endReadOnly() {
        readOnlyApplied = false;
        try {
            applyReadOnly(false);
        } catch (SQLException | RuntimeException e) {
            sawError = true;
            discard = "it could not be made read-write again after a read-only transaction (" + e.getMessage() + ")";
        }
    }

    /**
     * Switches read-only on or off: by the dialect's statement, kept prepared in this checkout's statement cache (on
     * SQLite behind HikariCP, the physical connection's, so each read-only transaction neither compiles the PRAGMA
     * again nor leaves the pool's proxy believing it has uncommitted work to roll back), or by the dialect's JDBC call.
     */
    private void applyReadOnly(boolean on) throws SQLException {
        String sql = dialect.transactionReadOnlyStatement(on);
        if (sql == null) {
            dialect.setTransactionReadOnly(jdbc, on);
            return;
        }
        StatementCache cache = statements();
        try {
            cache.prepare(sql).execute();
        } catch (SQLException | RuntimeException e) {
            cache.discard(sql);
            throw e;
        }
    }

    @Override
    public void setReadOnly(boolean readOnly) {
        checkOpen();
        if (readOnly != this.readOnly && inTransaction) {
            throw new InvalidRequestError("cannot make a transaction " + (readOnly ? "read-only" : "read-write")
                    + " once it has begun; call commit() or rollback() first (the next transaction is then "
                    + (readOnly ? "read-only" : "read-write") + ")");
        }
        this.readOnly = readOnly;
    }

    @Override
    public boolean isReadOnly() {
        return readOnly;
    }

    /** Takes the database's write lock for the transaction about to begin, in the engine's queue. */
    private void beginImmediate() {
        writeTurn = engine.beginImmediate(jdbc);
    }

    @Override
    public void commit() {
        checkOpen();
        checkNotExternal("commit");
        if (inTransaction) {
            closeCursors(0, "its transaction was committed");
            DBAPIError gone = lost;
            if (gone != null) {
                rollback();
                throw lostError("COMMIT", gone);
            }
            DBAPIError aborted = failure;
            if (aborted != null && dialect.failedStatementAbortsTransaction()) {
                rollback();
                throw new OperationalError(
                        "the transaction was rolled back, not committed: a statement failed in it, and "
                                + dialect.name() + " then aborts the whole transaction. Roll back after a failed "
                                + "statement, or run a statement that may fail inside beginNested() and roll back to "
                                + "that savepoint. The failed statement: " + firstLine(aborted.getMessage()),
                        "COMMIT",
                        null,
                        aborted);
            }
            log.message("COMMIT");
            try {
                jdbc.commit();
            } catch (SQLException e) {
                DBAPIError error = dialect.translate(e, "COMMIT", null);
                rollbackFailedCommit(error);
                throw error;
            } finally {
                endTransaction();
            }
        }
    }

    /**
     * A COMMIT the database refused may leave the transaction open (SQLite keeps it open after a deferred foreign key
     * or a busy COMMIT, so that the application can fix and retry), with its rows: on a pooled connection, the next
     * transaction would commit them. So a failed commit is rolled back here, as SQLAlchemy's pool resets a connection
     * on return. Should that fail too, the connection is discarded when closed, which ends the transaction uncommitted.
     */
    private void rollbackFailedCommit(DBAPIError error) {
        sawError = true;
        log.message("ROLLBACK (the COMMIT failed)");
        try {
            jdbc.rollback();
        } catch (SQLException e) {
            error.addSuppressed(e);
            discard = "its ROLLBACK after a failed COMMIT failed too";
        }
    }

    @Override
    public void rollback() {
        checkOpen();
        checkNotExternal("rollback");
        if (inTransaction) {
            closeCursors(0, "its transaction was rolled back");
            log.message("ROLLBACK");
            try {
                jdbc.rollback();
            } catch (SQLException e) {
                // the transaction's state is in doubt: closing the physical connection ends it uncommitted
                sawError = true;
                discard = "its ROLLBACK failed";
                throw dialect.translate(e, "ROLLBACK", null);
            } finally {
                endTransaction();
            }
        }
    }

    private void endTransaction() {
        inTransaction = false;
        lost = null;
        readOnlyDeferred = false;
        if (readOnlyApplied) {
            endReadOnly();
        }
        WriteTurn turn = writeTurn;
        if (turn != null) {
            writeTurn = null;
            turn.close();
        }
        failure = null;
        if (explicit != null) {
            explicit.active = false;
            explicit = null;
        }
        if (savepoints != null) {
            for (Nested n : savepoints) {
                n.active = false;
            }
            savepoints.clear();
        }
    }

    @Override
    public Transaction begin() {
        checkOpen();
        checkNotExternal("begin");
        if (inTransaction) {
            throw new InvalidRequestError("a transaction is already begun on this connection (statements begin one by "
                    + "themselves); call commit() or rollback() first, or use beginNested() for a savepoint");
        }
        beginIfNeeded("BEGIN");
        Root root = new Root();
        explicit = root;
        return root;
    }

    @Override
    public Transaction beginNested() {
        checkOpen();
        beginIfNeeded("BEGIN (implicit)");
        try {
            Savepoint savepoint = jdbc.setSavepoint();
            log.message("SAVEPOINT");
            Nested nested = new Nested(savepoint, failure, cursorSerial + 1);
            if (savepoints == null) {
                savepoints = new ArrayDeque<>(4);
            }
            savepoints.push(nested);
            return nested;
        } catch (SQLException e) {
            throw dialect.translate(e, "SAVEPOINT", null);
        }
    }

    @Override
    public boolean inTransaction() {
        return inTransaction;
    }

    @Override
    public boolean isClosed() {
        return closed;
    }

    @Override
    public Engine engine() {
        return engine;
    }

    @Override
    public java.sql.Connection jdbcConnection() {
        checkOpen();
        if (readOnlyDeferred) {
            setDeferredGuard(); // what runs through JDBC is not seen here: guard it now
        }
        return jdbc;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        RuntimeException error = null;
        closeCursors(0, "its connection was closed");
        StatementCache kept = sharedStatements ? statements : null;
        try {
            if (!external && inTransaction) {
                if (commitOnClose && failure == null) {
                    commit();
                } else {
                    rollback();
                }
            }
        } catch (RuntimeException e) {
            error = e;
            if (!external) {
                try {
                    jdbc.rollback();
                } catch (SQLException suppressed) {
                    e.addSuppressed(suppressed);
                }
            }
        } finally {
            closed = true;
            // after the transaction ended: a read-only one is switched back by a statement of the cache
            if (statements != null && kept == null) {
                statements.closeAll();
            }
            statements = null;
            boolean discarding = !external && (discard != null || (sawError && !inStepWithDriver()));
            if (kept != null) {
                if (error == null && !discarding) {
                    kept.release(); // before the pool can hand the physical connection to someone else
                } else {
                    engine.statementCaches().drop(kept); // the connection's state is in doubt
                }
            }
            try {
                if (discarding) {
                    SqlLog.LOG.warn(
                            "discarding a pooled connection rather than returning it: {}",
                            discard != null ? discard : "its transaction state was out of step with its driver");
                    engine.discardConnection(jdbc);
                } else {
                    engine.releaseConnection(jdbc);
                }
            } catch (SQLException e) {
                OperationalError released =
                        new OperationalError("could not return the connection: " + e.getMessage(), null, null, e);
                if (error != null) {
                    error.addSuppressed(released);
                } else {
                    error = released;
                }
            }
        }
        if (error != null) {
            throw error;
        }
    }

    /**
     * Before a connection that saw an error goes back to the pool: is its real state what the next user expects,
     * auto-commit off and (as the driver believes) no transaction of the database's own left over? A transaction the
     * database ended by itself is found by the dialect, which also brings the connection back in step; it is still
     * discarded, as is one whose state cannot be read.
     */
    private boolean inStepWithDriver() {
        try {
            return !jdbc.getAutoCommit() && !dialect.transactionLost(jdbc);
        } catch (SQLException | RuntimeException e) {
            return false;
        }
    }

    private void checkOpen() {
        if (closed) {
            throw new ResourceClosedError("this connection is closed; take a new one with engine.connect()");
        }
    }

    private void checkNotExternal(String what) {
        if (external) {
            throw new InvalidRequestError("cannot " + what + " here: the transaction on this connection is managed "
                    + "outside Alchemy (by Spring's transaction manager); let @Transactional commit or roll back");
        }
    }

    /** The explicit transaction of {@link #begin()}. */
    private final class Root implements Transaction {
        boolean active = true;

        @Override
        public void commit() {
            requireActive();
            DefaultConnection.this.commit();
        }

        @Override
        public void rollback() {
            if (active) {
                DefaultConnection.this.rollback();
            }
        }

        @Override
        public boolean isActive() {
            return active && !closed;
        }

        @Override
        public boolean isNested() {
            return false;
        }

        @Override
        public void close() {
            if (isActive()) {
                rollback();
            }
        }

        private void requireActive() {
            if (!isActive()) {
                throw new InvalidRequestError("this transaction is no longer active; it was committed or rolled back");
            }
        }
    }

    /** A savepoint of {@link #beginNested()}. */
    private final class Nested implements Transaction {
        private final Savepoint savepoint;
        private final @Nullable DBAPIError failureBefore;
        /** The serial number of the first streaming result opened inside this savepoint. */
        private final long firstCursor;

        boolean active = true;

        Nested(Savepoint savepoint, @Nullable DBAPIError failureBefore, long firstCursor) {
            this.savepoint = savepoint;
            this.failureBefore = failureBefore;
            this.firstCursor = firstCursor;
        }

        @Override
        public void commit() {
            if (!isActive()) {
                throw new InvalidRequestError("this savepoint is no longer active; it was released or rolled back");
            }
            popThrough();
            log.message("RELEASE SAVEPOINT");
            try {
                jdbc.releaseSavepoint(savepoint);
            } catch (SQLException e) {
                throw dialect.translate(e, "RELEASE SAVEPOINT", null);
            }
        }

        @Override
        public void rollback() {
            if (!isActive()) {
                return;
            }
            popThrough();
            closeCursors(firstCursor, "the savepoint it was opened in was rolled back");
            log.message("ROLLBACK TO SAVEPOINT");
            try {
                jdbc.rollback(savepoint);
                jdbc.releaseSavepoint(savepoint);
            } catch (SQLException e) {
                throw dialect.translate(e, "ROLLBACK TO SAVEPOINT", null);
            }
            failure = failureBefore; // what failed after the savepoint is undone with it
        }

        /** Ends this savepoint and any begun inside it. */
        private void popThrough() {
            Deque<Nested> open = Objects.requireNonNull(savepoints);
            while (!open.isEmpty()) {
                Nested top = open.pop();
                top.active = false;
                if (top == this) {
                    return;
                }
            }
        }

        @Override
        public boolean isActive() {
            return active && !closed;
        }

        @Override
        public boolean isNested() {
            return true;
        }

        @Override
        public void close() {
            if (isActive()) {
                rollback();
            }
        }
    }
}
