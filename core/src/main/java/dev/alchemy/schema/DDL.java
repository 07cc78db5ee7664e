package dev.alchemy.schema;

import dev.alchemy.dialect.Dialect;
import dev.alchemy.engine.CompiledStatement;
import dev.alchemy.engine.EngineDialect;
import dev.alchemy.engine.Executable;
import dev.alchemy.exc.ArgumentError;
import dev.alchemy.exc.CompileError;
import dev.alchemy.sql.ClauseElement;
import dev.alchemy.sql.SqlCompiler;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The DDL statements of the schema, rendered for a dialect exactly as SQLAlchemy renders them
 * ({@code str(CreateTable(users).compile(dialect=...))}): one tab-indented line per column and constraint,
 * {@code ", "} before each newline, and a closing {@code "\n)"}:
 *
 * <pre>
 * CREATE TABLE users (
 * 	id INTEGER NOT NULL,
 * 	name VARCHAR,
 * 	PRIMARY KEY (id)
 * )
 * </pre>
 *
 * <p>Columns render as {@code name TYPE[ DEFAULT x][ NOT NULL][ inline CHECK]}; then come the primary key, the
 * constraints given to the table in their order, and the constraints from column shortcuts ({@code unique()},
 * {@code references(...)}) in column order. Indexes are separate {@code CREATE INDEX} statements. Identifiers are
 * quoted by the dialect only where needed ({@code "order"}, {@code "Mixed Case"}). No statement ends with {@code ;}.
 * SQLAlchemy's strings also start with a newline (and CREATE TABLE ends with two); the statements here leave those
 * out, so their text is what SQLite keeps in {@code sqlite_master.sql}.
 */
public final class DDL {

    private DDL() {}

    /**
     * SQLAlchemy's {@code CreateTable}: {@code "CREATE TABLE users (\n\tid INTEGER NOT NULL, ...\n)"}.
     *
     * @param table a table
     * @param dialect the dialect
     * @return its CREATE TABLE statement, with every foreign key inline
     */
    public static Executable createTable(Table table, Dialect dialect) {
        return createTable(table, dialect, List.of());
    }

    static Executable createTable(Table table, Dialect dialect, List<ForeignKeyConstraint> omitted) {
        return statement(createTableSql(table, dialect, omitted));
    }

    /**
     * SQLAlchemy's {@code DropTable}: {@code "DROP TABLE users"}.
     *
     * @param table a table
     * @param dialect the dialect
     * @return its DROP TABLE statement
     */
    public static Executable dropTable(Table table, Dialect dialect) {
        return statement("DROP TABLE " + tableName(table, dialect));
    }

    /**
     * SQLAlchemy's {@code CreateIndex}: {@code "CREATE INDEX ix_posts_title ON posts (title)"}.
     *
     * @param table the table
     * @param index one of its indexes
     * @param dialect the dialect
     * @return its CREATE INDEX statement
     */
    public static Executable createIndex(Table table, Index index, Dialect dialect) {
        return statement(createIndexSql(table, index, dialect));
    }

    /**
     * SQLAlchemy's {@code DropIndex}: {@code "DROP INDEX ix_posts_title"}.
     *
     * @param table the table
     * @param index one of its indexes
     * @param dialect the dialect
     * @return its DROP INDEX statement
     */
    public static Executable dropIndex(Table table, Index index, Dialect dialect) {
        if (dialect.dropIndexNamesTable()) {
            return statement(
                    "DROP INDEX " + dialect.quoteIdentifier(index.name()) + " ON " + tableName(table, dialect));
        }
        String schema = table.schema() == null ? "" : dialect.quoteIdentifier(table.schema()) + ".";
        return statement("DROP INDEX " + schema + dialect.quoteIdentifier(index.name()));
    }

    /**
     * SQLAlchemy's {@code AddConstraint} for a foreign key created after its table (a cycle, or {@code useAlter}):
     * {@code "ALTER TABLE a ADD FOREIGN KEY(b_id) REFERENCES b (id)"}.
     *
     * @param table the table
     * @param foreignKey one of its foreign keys
     * @param dialect the dialect
     * @return the ALTER TABLE statement
     */
    public static Executable addConstraint(Table table, ForeignKeyConstraint foreignKey, Dialect dialect) {
        return statement(
                "ALTER TABLE " + tableName(table, dialect) + " ADD " + constraintSql(foreignKey, table, dialect));
    }

    /**
     * SQLAlchemy's {@code DropConstraint}: {@code "ALTER TABLE b DROP CONSTRAINT fk_b_a"}.
     *
     * @param table the table
     * @param constraintName the constraint's name in the database
     * @param dialect the dialect
     * @return the ALTER TABLE statement
     */
    public static Executable dropConstraint(Table table, String constraintName, Dialect dialect) {
        return statement("ALTER TABLE " + tableName(table, dialect) + " DROP CONSTRAINT "
                + dialect.quoteIdentifier(constraintName));
    }

    /**
     * SQLAlchemy's {@code CreateSchema}: {@code "CREATE SCHEMA inventory"}, for tables defined with
     * {@link Table#inSchema}. {@code createAll} does not create schemas (nor does SQLAlchemy's): run this first, or
     * let a migration tool do it. PostgreSQL only; SQLite has attached databases instead.
     *
     * <pre>{@code
     * engine.useTransaction(conn -> conn.execute(DDL.createSchema("inventory", Dialect.of(engine))));
     * metadata.createAll(engine);
     * }</pre>
     *
     * @param schema the schema's name
     * @param dialect the dialect
     * @return the CREATE SCHEMA statement
     */
    public static Executable createSchema(String schema, Dialect dialect) {
        return statement("CREATE SCHEMA " + dialect.quoteIdentifier(Objects.requireNonNull(schema, "schema")));
    }

    /**
     * SQLAlchemy's {@code DropSchema}: {@code "DROP SCHEMA inventory"}, or with {@code CASCADE} also everything in
     * it.
     *
     * @param schema the schema's name
     * @param cascade drop the tables, sequences and other objects in it too
     * @param dialect the dialect
     * @return the DROP SCHEMA statement
     */
    public static Executable dropSchema(String schema, boolean cascade, Dialect dialect) {
        return statement("DROP SCHEMA " + dialect.quoteIdentifier(Objects.requireNonNull(schema, "schema"))
                + (cascade ? " CASCADE" : ""));
    }

    /**
     * SQLAlchemy 2.0's {@code CreateSequence}: {@code "CREATE SEQUENCE order_no_seq INCREMENT BY 5 START WITH 100"},
     * or {@code "CREATE SEQUENCE order_no_seq"} when neither is given (1.4 wrote {@code START WITH 1}; 2.0 leaves the
     * database's default).
     *
     * @param sequence the sequence
     * @param dialect the dialect
     * @return the CREATE SEQUENCE statement
     */
    public static Executable createSequence(Sequence sequence, Dialect dialect) {
        StringBuilder sql = new StringBuilder("CREATE SEQUENCE ").append(sequenceName(sequence, dialect));
        if (sequence.increment() != null) {
            sql.append(" INCREMENT BY ").append(sequence.increment().longValue());
        }
        if (sequence.start() != null) {
            sql.append(" START WITH ").append(sequence.start().longValue());
        }
        return statement(sql.toString());
    }

    /**
     * SQLAlchemy's {@code DropSequence}: {@code "DROP SEQUENCE order_no_seq"}.
     *
     * @param sequence the sequence
     * @param dialect the dialect
     * @return the DROP SEQUENCE statement
     */
    public static Executable dropSequence(Sequence sequence, Dialect dialect) {
        return statement("DROP SEQUENCE " + sequenceName(sequence, dialect));
    }

    /** The sequence's name, schema-qualified and quoted where needed. */
    static String sequenceName(Sequence sequence, Dialect dialect) {
        return (sequence.schema() == null ? "" : dialect.quoteIdentifier(sequence.schema()) + ".")
                + dialect.quoteIdentifier(sequence.name());
    }

    /**
     * The CREATE TABLE text, as {@link #createTable} executes it. Every foreign key is inline.
     *
     * @param table the table
     * @param dialect the dialect
     * @return the SQL
     */
    public static String createTableSql(Table table, Dialect dialect) {
        return createTableSql(table, dialect, List.of());
    }

    static String createTableSql(Table table, Dialect dialect, List<ForeignKeyConstraint> omitted) {
        List<String> lines = new ArrayList<>();
        for (Column<?> c : table.columns()) {
            lines.add(columnSql(table, c, dialect));
        }
        for (Constraint c : table.constraints()) {
            if (!omitted.contains(c)) {
                lines.add(constraintSql(c, table, dialect));
            }
        }
        return "CREATE TABLE " + tableName(table, dialect) + " (\n\t" + String.join(", \n\t", lines) + "\n)"
                + dialect.createTableSuffix();
    }

    /**
     * The CREATE INDEX text.
     *
     * @param table the table
     * @param index one of its indexes
     * @param dialect the dialect
     * @return the SQL
     */
    public static String createIndexSql(Table table, Index index, Dialect dialect) {
        return (index.unique() ? "CREATE UNIQUE INDEX " : "CREATE INDEX ") + dialect.quoteIdentifier(index.name())
                + " ON " + tableName(table, dialect) + " (" + columns(index.columns(), dialect) + ")";
    }

    private static String columnSql(Table table, Column<?> c, Dialect dialect) {
        StringBuilder sql = new StringBuilder(dialect.quoteIdentifier(c.name())).append(' ');
        try {
            sql.append(
                    c.isAutoincrement()
                            ? dialect.ddlAutoincrementType(
                                    c.type(), table.primaryKey().size() == 1)
                            : dialect.ddlType(c.type()));
        } catch (CompileError e) {
            throw new CompileError(
                    "column '" + table.fullName() + "." + c.name() + "' (" + c.type() + "): " + e.getMessage());
        }
        String serverDefault = serverDefaultSql(table, c, dialect);
        if (serverDefault != null) {
            sql.append(" DEFAULT ").append(serverDefault);
        }
        if (!c.isNullable()) {
            sql.append(" NOT NULL");
        }
        if (c.isAutoincrement() && dialect.autoincrementKeyword() != null) {
            sql.append(' ').append(dialect.autoincrementKeyword());
        }
        CheckConstraint check = c.checkConstraint();
        if (check != null) {
            sql.append(' ').append(constraintSql(check, table, dialect));
        }
        return sql.toString();
    }

    /**
     * A column's server default as its DDL writes it after {@code DEFAULT}: text as written, an expression compiled
     * without parentheses, as SQLAlchemy 2.0 renders it.
     *
     * @param table the column's table
     * @param c the column
     * @param dialect the dialect
     * @return the SQL text, or null when the column has no server default
     * @throws ArgumentError when the expression binds values
     */
    public static @Nullable String serverDefaultSql(Table table, Column<?> c, Dialect dialect) {
        if (c.serverDefault() != null) {
            return c.serverDefault();
        }
        ClauseElement expression = c.serverDefaultExpression();
        if (expression == null) {
            return null;
        }
        CompiledStatement compiled =
                SqlCompiler.compile(compiler -> compiler.unqualified(() -> compiler.visit(expression)), dialect);
        if (!compiled.parameters().isEmpty()) {
            throw new ArgumentError("the server default of column '" + table.fullName() + "." + c.name()
                    + "' binds values (" + compiled.sql() + "); DDL cannot take parameters, so write it as SQL text"
                    + " with serverDefault(String) or serverDefaultString(String)");
        }
        return compiled.sql();
    }

    static String constraintSql(Constraint c, Table table, Dialect dialect) {
        String prefix = c.name() == null ? "" : "CONSTRAINT " + dialect.quoteIdentifier(c.name()) + " ";
        if (c instanceof PrimaryKeyConstraint p) {
            return prefix + "PRIMARY KEY (" + columns(p.columns(), dialect) + ")";
        }
        if (c instanceof UniqueConstraint u) {
            return prefix + "UNIQUE (" + columns(u.columns(), dialect) + ")";
        }
        if (c instanceof CheckConstraint k) {
            return prefix + "CHECK (" + k.sqlText() + ")";
        }
        ForeignKeyConstraint f = (ForeignKeyConstraint) c;
        StringBuilder sql = new StringBuilder(prefix)
                .append("FOREIGN KEY(")
                .append(columns(f.columns(), dialect))
                .append(") REFERENCES ")
                .append(referredName(f.referredTable(), table, dialect))
                .append(" (")
                .append(columns(f.referredColumns(), dialect))
                .append(')');
        if (f.onDelete() != null) {
            sql.append(" ON DELETE ").append(f.onDelete());
        }
        if (f.onUpdate() != null) {
            sql.append(" ON UPDATE ").append(f.onUpdate());
        }
        return sql.toString();
    }

    static String tableName(Table table, Dialect dialect) {
        return (table.schema() == null ? "" : dialect.quoteIdentifier(table.schema()) + ".")
                + dialect.quoteIdentifier(table.name());
    }

    /** The referred table as the MetaData knows it, so that a table in a schema is named with it. */
    private static String referredName(String referred, Table from, Dialect dialect) {
        Table target = from.metadata().table(referred);
        if (target != null) {
            return tableName(target, dialect);
        }
        int dot = referred.indexOf('.');
        return dot < 0
                ? dialect.quoteIdentifier(referred)
                : dialect.quoteIdentifier(referred.substring(0, dot)) + "."
                        + dialect.quoteIdentifier(referred.substring(dot + 1));
    }

    private static String columns(List<String> names, Dialect dialect) {
        return names.stream().map(dialect::quoteIdentifier).collect(Collectors.joining(", "));
    }

    private static Executable statement(String sql) {
        CompiledStatement compiled = new CompiledStatement(sql, List.of(), null);
        return new DdlStatement(compiled);
    }

    /** A DDL statement: the same text whatever dialect executes it, since it was rendered for one already. */
    private record DdlStatement(CompiledStatement compiled) implements Executable {

        DdlStatement {
            Objects.requireNonNull(compiled, "compiled");
        }

        @Override
        public CompiledStatement compile(EngineDialect dialect) {
            return compiled;
        }

        @Override
        public String toString() {
            return compiled.sql();
        }
    }
}
