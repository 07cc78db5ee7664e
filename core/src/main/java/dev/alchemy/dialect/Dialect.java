package dev.alchemy.dialect;

import dev.alchemy.engine.Connection;
import dev.alchemy.engine.Engine;
import dev.alchemy.engine.EngineDialect;
import dev.alchemy.engine.ValueBinder;
import dev.alchemy.engine.ValueReader;
import dev.alchemy.exc.ArgumentError;
import dev.alchemy.exc.CompileError;
import dev.alchemy.types.SqlType;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A database dialect: the engine-level behaviour of {@link EngineDialect} plus what the SQL compiler and DDL need
 * to know about one database. Everything that differs between databases lives behind this interface, in
 * {@code dev.alchemy.dialect.<name>}.
 */
public interface Dialect extends EngineDialect {

    /**
     * The SQL dialect of an engine.
     *
     * @param engine the engine
     * @return its dialect
     * @throws ArgumentError when the engine's dialect has no SQL support
     */
    static Dialect of(Engine engine) {
        return of(engine.dialect());
    }

    /**
     * The SQL dialect behind an engine dialect.
     *
     * @param dialect the engine dialect
     * @return it, as a SQL dialect
     * @throws ArgumentError when it has no SQL support
     */
    static Dialect of(EngineDialect dialect) {
        if (dialect instanceof Dialect d) {
            return d;
        }
        throw new ArgumentError("dialect '" + dialect.name() + "' has no SQL compiler");
    }

    /**
     * Quotes an identifier when it needs quoting (a reserved word, upper case, spaces), as SQLAlchemy does.
     *
     * @param identifier a table, column or constraint name
     * @return the identifier, quoted when needed
     */
    String quoteIdentifier(String identifier);

    /**
     * The type's name in this database's DDL: {@code VARCHAR(50)}, {@code TIMESTAMP WITHOUT TIME ZONE}.
     *
     * @param type the type
     * @return its DDL name
     */
    String ddlType(SqlType<?> type);

    /**
     * How values of a type are bound, in the form this database stores them.
     *
     * @param type the type
     * @return the binder
     */
    ValueBinder binder(SqlType<?> type);

    /**
     * How values of a type are read back into the type's Java class.
     *
     * @param type the type
     * @return the reader
     */
    ValueReader reader(SqlType<?> type);

    /**
     * Renders LIMIT and OFFSET (called only when at least one is given).
     *
     * @param writer where to write, the text so far ending with the ORDER BY or WHERE clause
     * @param limit the limit, or null
     * @param offset the offset, or null
     */
    void renderLimitOffset(SqlWriter writer, @Nullable Integer limit, @Nullable Integer offset);

    /** @return whether {@code INSERT/UPDATE/DELETE ... RETURNING} is supported */
    boolean supportsReturning();

    /**
     * Whether {@code UPDATE ... RETURNING} is supported; MariaDB returns rows from INSERT and DELETE only.
     *
     * @return true when an UPDATE can return rows
     */
    default boolean supportsUpdateReturning() {
        return supportsReturning();
    }

    /**
     * The keyword that makes a column generate its values, written after {@code NOT NULL}: MySQL's
     * {@code AUTO_INCREMENT}. Null where the type says it ({@link #ddlAutoincrementType}: SERIAL, SQLite's rowid).
     *
     * @return the keyword, or null
     */
    default @Nullable String autoincrementKeyword() {
        return null;
    }

    /**
     * Table options written after the closing parenthesis of CREATE TABLE, such as MySQL's {@code ENGINE=InnoDB}.
     *
     * @return the options, or the empty string for none
     */
    default String createTableSuffix() {
        return "";
    }

    /**
     * Whether DROP INDEX names the index's table, {@code DROP INDEX ix ON t} (MySQL), rather than the index alone.
     *
     * @return true when the table is named
     */
    default boolean dropIndexNamesTable() {
        return false;
    }

    /**
     * The DDL type of a single-column primary key the database generates values for: SQLite's {@code INTEGER} (the
     * rowid alias, whatever the Java width), PostgreSQL's {@code SERIAL}/{@code BIGSERIAL}.
     *
     * @param type the column's type
     * @return its DDL name
     */
    default String ddlAutoincrementType(SqlType<?> type) {
        return ddlType(type);
    }

    /**
     * The DDL type of a primary key column the database generates values for. SQLite makes only the sole column of
     * a key the rowid alias ({@code INTEGER}); a column of a composite key keeps its own type there.
     *
     * @param type the column's type
     * @param onlyKeyColumn whether the column is its table's whole primary key
     * @return its DDL name
     */
    default String ddlAutoincrementType(SqlType<?> type, boolean onlyKeyColumn) {
        return ddlAutoincrementType(type);
    }

    /**
     * Whether the database can add and drop constraints of an existing table ({@code ALTER TABLE ... ADD
     * CONSTRAINT}), SQLAlchemy's {@code supports_alter}. Without it, foreign keys that form a cycle stay in their
     * CREATE TABLE, which the database must then accept before the referred table exists (SQLite does).
     *
     * @return true when constraints can be altered
     */
    default boolean supportsAlter() {
        return true;
    }

    /**
     * Makes the foreign key checks of the current transaction wait until its commit, so that tables referring to
     * each other can be dropped in one transaction (SQLite's {@code PRAGMA defer_foreign_keys}). Called only by
     * {@code dropAll} for a cycle of tables on a dialect without {@link #supportsAlter()}.
     *
     * @param connection a connection in a transaction
     */
    default void deferForeignKeyChecks(Connection connection) {}

    /**
     * Whether a table exists (for {@code createAll}'s check-first).
     *
     * @param connection an open connection
     * @param schema the schema, or null for the default
     * @param table the table's name
     * @return true when it exists
     */
    boolean hasTable(Connection connection, @Nullable String schema, String table);

    /**
     * How this database's schema is read, for {@code Alchemy.inspect(engine)}.
     *
     * @return the reflector
     * @throws dev.alchemy.exc.InvalidRequestError when the dialect cannot read schemas
     */
    default SchemaReflector reflector() {
        throw new dev.alchemy.exc.InvalidRequestError("dialect '" + name() + "' cannot inspect a database's schema");
    }

    // ---- hooks of the SQL compiler: where the text of a statement differs between databases ----

    /**
     * How a boolean constant is written: {@code true}/{@code false}, or {@code 1}/{@code 0} where booleans are
     * integers (SQLite), as SQLAlchemy renders {@code col == True}.
     *
     * @param value the constant
     * @return its SQL text
     */
    default String booleanLiteral(boolean value) {
        return value ? "true" : "false";
    }

    /**
     * Whether a boolean column is a condition by itself ({@code WHERE active}, {@code NOT active}). Without native
     * booleans the compiler writes {@code active = 1} and {@code active = 0}, as SQLAlchemy does on SQLite.
     *
     * @return true when booleans are native
     */
    default boolean supportsNativeBoolean() {
        return true;
    }

    /**
     * Whether the database has {@code ILIKE}; without it the compiler writes {@code lower(x) LIKE lower(?)}.
     *
     * @return true when ILIKE exists
     */
    default boolean supportsIlike() {
        return false;
    }

    /**
     * Writes an IN of an empty list after the tested expression: a condition that is never true (always true when
     * negated) and still says nothing about NULLs, as SQLAlchemy renders it.
     *
     * @param writer where to write; the tested expression has been written
     * @param negated true for NOT IN
     */
    default void renderEmptyIn(SqlWriter writer, boolean negated) {
        writer.append(negated ? " NOT IN (NULL) OR (1 = 1)" : " IN (NULL) AND (1 != 1)");
    }

    /**
     * Whether {@code ||} concatenates strings, as in standard SQL (SQLite, PostgreSQL). MySQL's {@code ||} is a
     * logical OR unless {@code sql_mode} has {@code PIPES_AS_CONCAT}, so its dialect answers false and the compiler
     * writes {@code concat(a, b)}, as SQLAlchemy's MySQL compiler does.
     *
     * @return true where {@code a || b} concatenates
     */
    default boolean concatenatesWithPipes() {
        return true;
    }

    /**
     * The operator dividing two integers as integers, truncating toward zero: {@code /} where the database divides
     * integers so (SQLite, PostgreSQL), MySQL's {@code DIV} where {@code /} gives a fraction. Alchemy types an
     * integer divided by an integer as an integer, as SQLAlchemy 1.4 does.
     *
     * @return the operator's SQL text
     */
    default String integerDivisionOperator() {
        return "/";
    }

    /**
     * Renders {@code EXTRACT(field FROM expression)}, as SQLAlchemy's compiler writes it by default ({@code
     * EXTRACT(year FROM x)}); a dialect without EXTRACT renders its own form.
     *
     * @param writer the SQL being written
     * @param field the field, one of SQLAlchemy's extract names in lower case ({@code year}, {@code dow}, ...)
     * @param expression renders the expression the field is taken from
     * @throws CompileError when the dialect cannot extract the field
     */
    default void renderExtract(SqlWriter writer, String field, Runnable expression) {
        writer.append("EXTRACT(").append(field).append(" FROM ");
        expression.run();
        writer.append(")");
    }

    /**
     * The SQL text of a function called without arguments when this database spells it differently (SQLite's
     * {@code now()} is {@code CURRENT_TIMESTAMP}).
     *
     * @param name the function's name as given, e.g. {@code now}
     * @return the replacement text, or null to write {@code name()}
     */
    default @Nullable String niladicFunction(String name) {
        return null;
    }

    /**
     * The type's name inside {@code CAST(x AS type)}.
     *
     * @param type the type
     * @return its name, by default the DDL name
     */
    default String castType(SqlType<?> type) {
        return ddlType(type);
    }

    /**
     * Whether RETURNING columns may be written with their table ({@code RETURNING users.id}) where a statement names
     * several tables (PostgreSQL's UPDATE ... FROM); SQLite's RETURNING sees only the target table and takes bare
     * names ({@code RETURNING id}, as SQLAlchemy 2.0 writes it).
     *
     * @return true to qualify them when needed
     */
    default boolean qualifiesReturningColumns() {
        return true;
    }

    /**
     * Whether a member of UNION, INTERSECT or EXCEPT may be written in parentheses (to carry its own ORDER BY or
     * LIMIT). SQLite cannot parse that; the compiler then writes the member as {@code SELECT * FROM (member)}.
     *
     * @return true when parentheses are accepted
     */
    default boolean supportsParenthesizedSetOperands() {
        return true;
    }

    /**
     * Whether a derived table may name its columns, {@code (VALUES (1, 2)) AS v (a, b)}. SQLite cannot; a VALUES list
     * is then written as {@code (SELECT column1 AS a, column2 AS b FROM (VALUES ...)) AS v}.
     *
     * @return true when column names may follow the alias
     */
    default boolean supportsDerivedColumnNames() {
        return true;
    }

    /**
     * Whether a VALUES list may stand as a derived table, {@code (VALUES (1, 2), (3, 4))}. MySQL's table value
     * constructor spells rows {@code ROW(1, 2)} and MariaDB's names its columns after the first row's values, so
     * there a VALUES list is written as {@code (SELECT ? AS a, ? AS b UNION ALL SELECT ?, ?) AS v}.
     *
     * @return true when a VALUES list may be written as such
     */
    default boolean supportsValuesConstructor() {
        return true;
    }

    /**
     * Whether the keys a database generates (serial, identity or sequence defaults) for {@code INSERT INTO t (...)
     * SELECT ... FROM (VALUES ...) ORDER BY n} ascend in the order of {@code n}. When they do, the ORM inserts many
     * new objects in one statement and matches the returned keys to them by sorting, as SQLAlchemy 2.0's
     * "insertmanyvalues" does on PostgreSQL; otherwise it checks that a multi-row INSERT's keys came back consecutive.
     *
     * @return true when the ordered INSERT ... SELECT assigns keys in order
     */
    default boolean insertFromSelectAssignsKeysInOrder() {
        return false;
    }

    /**
     * How the keys the database generates for one multi-row INSERT reach the ORM, which matches each to its object.
     * The default: by RETURNING where the dialect has it, else one INSERT per row. MySQL's dialect answers from the
     * server's settings, read when the engine connected ({@link MultiRowInsertKeys#consecutive(long)} where InnoDB
     * promises consecutive keys).
     *
     * @return how the keys of a multi-row INSERT are obtained
     */
    default MultiRowInsertKeys multiRowInsertKeys() {
        return supportsReturning()
                ? MultiRowInsertKeys.returning()
                : MultiRowInsertKeys.oneRowAtATime("the " + name() + " dialect has no INSERT ... RETURNING");
    }

    /**
     * What follows {@code INSERT INTO t} when a row takes every column's default: {@code  DEFAULT VALUES} in
     * standard SQL, {@code  () VALUES ()} on MySQL, as SQLAlchemy writes them.
     *
     * @return the text, starting with a space
     */
    default String emptyInsertValues() {
        return " DEFAULT VALUES";
    }

    /**
     * Whether the database has sequences ({@code CREATE SEQUENCE}, {@code nextval}). Without them, {@code createAll}
     * and {@code dropAll} pass a MetaData's sequences over, as SQLAlchemy does on SQLite.
     *
     * @return true when sequences exist
     */
    default boolean supportsSequences() {
        return false;
    }

    /**
     * Whether a sequence exists (for {@code createAll}'s check-first); called only when
     * {@link #supportsSequences()}.
     *
     * @param connection an open connection
     * @param schema the schema, or null for the default
     * @param sequence the sequence's name
     * @return true when it exists
     */
    default boolean hasSequence(Connection connection, @Nullable String schema, String sequence) {
        return false;
    }

    /**
     * Writes a sequence's next value, {@code nextval('order_no_seq')} on PostgreSQL.
     *
     * @param writer where to write
     * @param quotedSequence the sequence's name, schema-qualified and quoted as an identifier
     * @throws dev.alchemy.exc.CompileError when the database has no sequences
     */
    default void renderNextValue(SqlWriter writer, String quotedSequence) {
        throw new dev.alchemy.exc.CompileError("the " + name() + " dialect has no sequences (" + quotedSequence
                + "); use an autoincrement key, or a database with sequences such as PostgreSQL");
    }

    /**
     * Whether an UPDATE may name other tables in a FROM clause ({@code UPDATE users SET ... FROM addresses WHERE}).
     *
     * @return true when UPDATE ... FROM is supported
     */
    default boolean supportsUpdateFrom() {
        return false;
    }

    /**
     * Whether a DELETE may name other tables ({@code DELETE FROM users USING addresses WHERE ...}).
     *
     * @return true when DELETE ... USING is supported
     */
    default boolean supportsDeleteUsing() {
        return false;
    }

    /**
     * Writes the row lock of a SELECT ({@code FOR UPDATE}); databases without row locks write nothing.
     *
     * @param writer where to write, the text so far ending with the SELECT's last clause
     * @param nowait fail instead of waiting for a lock
     * @param skipLocked skip rows locked by others
     * @param read a shared lock ({@code FOR SHARE}) instead of an exclusive one
     */
    default void renderForUpdate(SqlWriter writer, boolean nowait, boolean skipLocked, boolean read) {
        writer.append(read ? " FOR SHARE" : " FOR UPDATE");
        if (nowait) {
            writer.append(" NOWAIT");
        }
        if (skipLocked) {
            writer.append(" SKIP LOCKED");
        }
    }

    /**
     * Writes the row lock of a SELECT with SQLAlchemy's {@code key_share} too: {@code FOR NO KEY UPDATE} (not
     * {@code read}) or {@code FOR KEY SHARE} ({@code read}) where the database has them. The default ignores
     * {@code keyShare} and writes {@link #renderForUpdate(SqlWriter, boolean, boolean, boolean)}, the nearest lock
     * every other database has.
     *
     * @param writer where to write, the text so far ending with the SELECT's last clause
     * @param nowait fail instead of waiting for a lock
     * @param skipLocked skip rows locked by others
     * @param read a shared lock instead of an exclusive one
     * @param keyShare a lock that spares the key (PostgreSQL's {@code KEY SHARE} and {@code NO KEY UPDATE})
     */
    default void renderForUpdate(SqlWriter writer, boolean nowait, boolean skipLocked, boolean read, boolean keyShare) {
        renderForUpdate(writer, nowait, skipLocked, read);
    }

    /**
     * Whether INSERT ... ON CONFLICT (an upsert) is supported.
     *
     * @return true when {@link #renderOnConflict} can render it
     */
    default boolean supportsOnConflict() {
        return false;
    }

    /**
     * Writes the head of an upsert clause after an INSERT's values: {@code ON CONFLICT (id) DO NOTHING}, or
     * {@code ON CONFLICT (id) DO UPDATE SET } followed by the assignments the compiler writes.
     *
     * @param writer where to write
     * @param quotedTargets the quoted columns of the unique index that conflicts; empty for any conflict
     * @param quotedConstraint the quoted name of the conflicting constraint instead of the columns, or null
     * @param doNothing true for DO NOTHING, false for DO UPDATE SET
     * @throws CompileError when the database has no upsert
     */
    default void renderOnConflict(
            SqlWriter writer, List<String> quotedTargets, @Nullable String quotedConstraint, boolean doNothing) {
        throw new CompileError("the " + name() + " dialect has no INSERT ... ON CONFLICT (upsert)");
    }

    /**
     * Whether an upsert's DO UPDATE may have a WHERE condition; MySQL's ON DUPLICATE KEY UPDATE cannot.
     *
     * @return true when a condition is allowed
     */
    default boolean supportsUpdateWhereOnConflict() {
        return true;
    }

    /**
     * Writes a reference to a column of the row an upsert proposed to insert: {@code excluded.name}.
     *
     * @param writer where to write
     * @param quotedColumn the quoted column name
     */
    default void renderExcluded(SqlWriter writer, String quotedColumn) {
        writer.append("excluded.").append(quotedColumn);
    }
}
