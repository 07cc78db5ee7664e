package dev.alchemy.schema;

import dev.alchemy.dialect.Dialect;
import dev.alchemy.engine.CompiledStatement;
import dev.alchemy.engine.Executable;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The DDL statements of the schema, rendered for a dialect exactly as SQLAlchemy renders them:
 *
 * <pre>
 * CREATE TABLE users (
 * 	id INTEGER NOT NULL,
 * 	name VARCHAR,
 * 	PRIMARY KEY (id)
 * )
 * </pre>
 *
 * (with {@code ", "} before each newline, as SQLAlchemy writes it).
 */
public final class DDL {

    private DDL() {}

    /**
     * @param table a table
     * @param dialect the dialect
     * @return its CREATE TABLE statement
     */
    public static Executable createTable(Table table, Dialect dialect) {
        return statement(createTableSql(table, dialect));
    }

    /**
     * @param table a table
     * @param dialect the dialect
     * @return its DROP TABLE statement
     */
    public static Executable dropTable(Table table, Dialect dialect) {
        return statement("DROP TABLE " + name(table, dialect));
    }

    /**
     * @param table the table
     * @param index one of its indexes
     * @param dialect the dialect
     * @return its CREATE INDEX statement
     */
    public static Executable createIndex(Table table, Index index, Dialect dialect) {
        return statement(
                (index.unique() ? "CREATE UNIQUE INDEX " : "CREATE INDEX ") + dialect.quoteIdentifier(index.name())
                        + " ON " + name(table, dialect) + " (" + columns(index.columns(), dialect) + ")");
    }

    private static Executable statement(String sql) {
        CompiledStatement compiled = new CompiledStatement(sql, List.of(), null);
        return new Executable() {
            @Override
            public CompiledStatement compile(dev.alchemy.engine.EngineDialect dialect) {
                return compiled;
            }

            @Override
            public String toString() {
                return sql;
            }
        };
    }

    /**
     * The CREATE TABLE text, without SQLAlchemy's leading and trailing newlines.
     *
     * @param table the table
     * @param dialect the dialect
     * @return the SQL
     */
    public static String createTableSql(Table table, Dialect dialect) {
        List<String> lines = new ArrayList<>();
        for (Column<?> c : table.columns()) {
            lines.add(columnSql(c, dialect));
        }
        if (!table.primaryKey().isEmpty()) {
            lines.add("PRIMARY KEY ("
                    + columns(table.primaryKey().stream().map(Column::name).toList(), dialect) + ")");
        }
        for (Constraint c : table.constraints()) {
            lines.add(constraintSql(c, dialect));
        }
        for (Column<?> c : table.columns()) {
            if (c.isUnique() && !c.isIndexed()) {
                lines.add("UNIQUE (" + dialect.quoteIdentifier(c.name()) + ")");
            }
            ForeignKey fk = c.foreignKey();
            if (fk != null) {
                lines.add(constraintSql(
                        new ForeignKeyConstraint(
                                null,
                                List.of(c.name()),
                                fk.targetTable(),
                                List.of(fk.targetColumn()),
                                fk.onDelete(),
                                fk.onUpdate()),
                        dialect));
            }
        }
        return "CREATE TABLE " + name(table, dialect) + " (\n\t" + String.join(", \n\t", lines) + "\n)";
    }

    private static String columnSql(Column<?> c, Dialect dialect) {
        StringBuilder sql = new StringBuilder(dialect.quoteIdentifier(c.name())).append(' ');
        sql.append(c.isAutoincrement() ? dialect.ddlAutoincrementType(c.type()) : dialect.ddlType(c.type()));
        if (c.serverDefault() != null) {
            sql.append(" DEFAULT ").append(c.serverDefault());
        }
        if (!c.isNullable()) {
            sql.append(" NOT NULL");
        }
        if (c.check() != null) {
            sql.append(" CHECK (").append(c.check()).append(')');
        }
        return sql.toString();
    }

    private static String constraintSql(Constraint c, Dialect dialect) {
        String prefix = c.name() == null ? "" : "CONSTRAINT " + dialect.quoteIdentifier(c.name()) + " ";
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
                .append(qualified(f.referredTable(), dialect))
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

    private static String name(Table table, Dialect dialect) {
        return (table.schema() == null ? "" : dialect.quoteIdentifier(table.schema()) + ".")
                + dialect.quoteIdentifier(table.name());
    }

    private static String qualified(String tableName, Dialect dialect) {
        int dot = tableName.indexOf('.');
        return dot < 0
                ? dialect.quoteIdentifier(tableName)
                : dialect.quoteIdentifier(tableName.substring(0, dot)) + "."
                        + dialect.quoteIdentifier(tableName.substring(dot + 1));
    }

    private static String columns(List<String> names, Dialect dialect) {
        return names.stream().map(dialect::quoteIdentifier).collect(Collectors.joining(", "));
    }
}
