package dev.alchemy.schema;

import dev.alchemy.exc.ArgumentError;
import dev.alchemy.sql.ClauseElement;
import dev.alchemy.sql.ColumnClause;
import dev.alchemy.sql.TableClause;
import dev.alchemy.types.SqlType;
import java.util.Objects;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * A table column with its constraints, like SQLAlchemy's {@code Column}. Immutable: each method returns a changed
 * copy, and a {@link Table} takes copies bound to itself.
 *
 * <pre>{@code
 * Column.of("id", SqlTypes.INTEGER).primaryKey()
 * Column.of("email", SqlTypes.string(100)).notNull().unique()
 * Column.of("user_id", SqlTypes.INTEGER).references(ForeignKey.to("users.id").onDelete("CASCADE"))
 * Column.of("status", SqlTypes.string(20)).serverDefaultString("new")      // DEFAULT 'new'
 * Column.of("created", SqlTypes.VARCHAR).serverDefault("CURRENT_TIMESTAMP") // DEFAULT CURRENT_TIMESTAMP
 * }</pre>
 *
 * @param <T> the Java type of the column's values
 */
public final class Column<T> extends ColumnClause<T> implements SchemaItem {

    private final SqlType<T> type;
    private final Spec<T> spec;

    /** Everything but the name, type and table; copied with one field changed by each fluent method. */
    private record Spec<T>(
            boolean primaryKey,
            @Nullable Boolean nullable,
            boolean unique,
            boolean index,
            @Nullable Boolean autoincrement,
            @Nullable Supplier<? extends @Nullable T> defaultValue,
            @Nullable String serverDefaultText,
            @Nullable ClauseElement serverDefaultExpression,
            @Nullable ForeignKey foreignKey,
            @Nullable CheckConstraint check) {

        static <T> Spec<T> empty() {
            return new Spec<>(false, null, false, false, null, null, null, null, null, null);
        }
    }

    /** A mutable copy of a {@link Spec}, so that each wither names only what it changes. */
    private static final class Draft<T> {
        boolean primaryKey;

        @Nullable
        Boolean nullable;

        boolean unique;
        boolean index;

        @Nullable
        Boolean autoincrement;

        @Nullable
        Supplier<? extends @Nullable T> defaultValue;

        @Nullable
        String serverDefaultText;

        @Nullable
        ClauseElement serverDefaultExpression;

        @Nullable
        ForeignKey foreignKey;

        @Nullable
        CheckConstraint check;

        Draft(Spec<T> s) {
            primaryKey = s.primaryKey;
            nullable = s.nullable;
            unique = s.unique;
            index = s.index;
            autoincrement = s.autoincrement;
            defaultValue = s.defaultValue;
            serverDefaultText = s.serverDefaultText;
            serverDefaultExpression = s.serverDefaultExpression;
            foreignKey = s.foreignKey;
            check = s.check;
        }

        Spec<T> spec() {
            return new Spec<>(
                    primaryKey,
                    nullable,
                    unique,
                    index,
                    autoincrement,
                    defaultValue,
                    serverDefaultText,
                    serverDefaultExpression,
                    foreignKey,
                    check);
        }
    }

    private Column<T> change(java.util.function.Consumer<Draft<T>> edit) {
        Draft<T> draft = new Draft<>(spec);
        edit.accept(draft);
        return with(draft.spec());
    }

    private Column(String name, SqlType<T> type, @Nullable TableClause table, Spec<T> spec) {
        super(name, Objects.requireNonNull(type, "type"), table);
        if (name.isEmpty()) {
            throw new ArgumentError("a column needs a non-empty name");
        }
        this.type = type;
        this.spec = spec;
    }

    /**
     * A nullable column without constraints.
     *
     * @param name the column's name
     * @param type its SQL type
     * @param <T> the Java type of its values
     * @return the column
     */
    public static <T> Column<T> of(String name, SqlType<T> type) {
        return new Column<>(Objects.requireNonNull(name, "name"), type, null, Spec.empty());
    }

    private Column<T> with(Spec<T> changed) {
        return new Column<>(name(), type, table(), changed);
    }

    /** @return a copy that is (part of) the primary key, and so NOT NULL */
    public Column<T> primaryKey() {
        return change(d -> d.primaryKey = true);
    }

    /** @return a copy that is NOT NULL */
    public Column<T> notNull() {
        return nullable(false);
    }

    /**
     * Sets whether NULL is allowed; by default it is, except in primary key columns.
     *
     * @param nullable whether NULL is allowed
     * @return a copy with this nullability
     */
    public Column<T> nullable(boolean nullable) {
        return change(d -> d.nullable = nullable);
    }

    /**
     * A UNIQUE constraint on this column alone ({@code UNIQUE (email)} in CREATE TABLE), like {@code unique=True}.
     * Together with {@link #index()} it becomes a unique index instead.
     *
     * @return a copy with this constraint
     */
    public Column<T> unique() {
        return change(d -> d.unique = true);
    }

    /**
     * An index on this column alone, named {@code ix_<table>_<column>} like SQLAlchemy's {@code index=True};
     * together with {@link #unique()} it is {@code CREATE UNIQUE INDEX}.
     *
     * @return a copy with this index
     */
    public Column<T> index() {
        return change(d -> d.index = true);
    }

    /**
     * Whether the database generates values for this primary key column. Left unset, SQLAlchemy's rule applies: the
     * only column of a primary key autoincrements when its type is an integer and it has no foreign key and no
     * default; a column of a composite key never does unless set to true here (at most one per table).
     *
     * @param autoincrement true or false
     * @return a copy with this setting
     */
    public Column<T> autoincrement(boolean autoincrement) {
        return change(d -> d.autoincrement = autoincrement);
    }

    /**
     * A value Java supplies on INSERT when none is given (nothing in the DDL), like {@code default=5}.
     *
     * @param value the value
     * @return a copy with this default
     */
    public Column<T> defaultValue(@Nullable T value) {
        return defaultSupplier(() -> value);
    }

    /**
     * A value computed by Java on each INSERT when none is given, like {@code default=datetime.now}.
     *
     * @param supplier computes the value
     * @return a copy with this default
     */
    public Column<T> defaultSupplier(Supplier<? extends @Nullable T> supplier) {
        Objects.requireNonNull(supplier, "supplier");
        return change(d -> d.defaultValue = supplier);
    }

    /**
     * A DEFAULT in the DDL, written in SQL by the schema's author and rendered as is: {@code "0"} gives
     * {@code DEFAULT 0}, {@code "CURRENT_TIMESTAMP"} gives {@code DEFAULT CURRENT_TIMESTAMP} (SQLAlchemy's
     * {@code server_default=text("...")}). Use {@link #serverDefaultString(String)} for a string literal.
     *
     * @param sqlText the default expression
     * @return a copy with this server default
     */
    public Column<T> serverDefault(String sqlText) {
        Objects.requireNonNull(sqlText, "sqlText");
        return change(d -> {
            d.serverDefaultText = sqlText;
            d.serverDefaultExpression = null;
        });
    }

    /**
     * A DEFAULT in the DDL given as a SQL expression without bound values, compiled by the dialect, such as a
     * function call. It is rendered without parentheses, as SQLAlchemy 2.0 does ({@code DEFAULT CURRENT_TIMESTAMP},
     * where 1.4 wrote {@code DEFAULT (CURRENT_TIMESTAMP)}).
     *
     * @param expression the default expression
     * @return a copy with this server default
     */
    public Column<T> serverDefault(ClauseElement expression) {
        Objects.requireNonNull(expression, "expression");
        return change(d -> {
            d.serverDefaultText = null;
            d.serverDefaultExpression = expression;
        });
    }

    /**
     * A string literal DEFAULT in the DDL, quoted: {@code DEFAULT 'new'}, like {@code server_default="new"}.
     *
     * @param value the string
     * @return a copy with this server default
     */
    public Column<T> serverDefaultString(String value) {
        Objects.requireNonNull(value, "value");
        return serverDefault("'" + value.replace("'", "''") + "'");
    }

    /**
     * A foreign key to another table's column, rendered as a table-level {@code FOREIGN KEY(col) REFERENCES ...}.
     *
     * @param foreignKey the reference, e.g. {@code ForeignKey.to("users.id")}
     * @return a copy with this reference
     */
    public Column<T> references(ForeignKey foreignKey) {
        Objects.requireNonNull(foreignKey, "foreignKey");
        return change(d -> d.foreignKey = foreignKey);
    }

    /**
     * A foreign key to another table's column.
     *
     * @param target {@code table.column}
     * @return a copy with this reference
     */
    public Column<T> references(String target) {
        return references(ForeignKey.to(target));
    }

    /**
     * An inline CHECK on this column, written in SQL by the schema's author: {@code price NUMERIC(10, 2) CHECK
     * (price > 0)}.
     *
     * @param sqlText the condition, e.g. {@code price > 0}
     * @return a copy with this check
     */
    public Column<T> check(String sqlText) {
        return check(CheckConstraint.of(sqlText));
    }

    /**
     * An inline CHECK on this column, named or not: {@code age INTEGER CONSTRAINT ck_age CHECK (age > 0)}.
     *
     * @param check the constraint
     * @return a copy with this check
     */
    public Column<T> check(CheckConstraint check) {
        Objects.requireNonNull(check, "check");
        return change(d -> d.check = check);
    }

    Column<T> attachTo(Table table, boolean primaryKey) {
        if (table() != null) {
            throw new ArgumentError("column '" + name() + "' already belongs to table '" + table().name()
                    + "'; define a new Column for table '" + table.name() + "'");
        }
        Spec<T> s = spec;
        return new Column<>(
                name(),
                type,
                table,
                new Spec<>(
                        primaryKey,
                        s.nullable,
                        s.unique,
                        s.index,
                        s.autoincrement,
                        s.defaultValue,
                        s.serverDefaultText,
                        s.serverDefaultExpression,
                        s.foreignKey,
                        s.check));
    }

    @Override
    public SqlType<T> type() {
        return type;
    }

    /** @return the table this column belongs to, or null before it is added to one */
    public @Nullable Table owner() {
        return table() instanceof Table t ? t : null;
    }

    /** @return {@code table.column}, or the column's name before it belongs to a table */
    public String fullName() {
        Table owner = owner();
        return owner == null ? name() : owner.fullName() + "." + name();
    }

    /** @return whether the column is part of the primary key */
    public boolean isPrimaryKey() {
        return spec.primaryKey;
    }

    /** @return whether NULL is allowed: by default yes, except for primary key columns */
    public boolean isNullable() {
        return spec.nullable != null ? spec.nullable : !spec.primaryKey;
    }

    /** @return whether the column alone is UNIQUE (a constraint, or a unique index with {@link #isIndexed()}) */
    public boolean isUnique() {
        return spec.unique;
    }

    /** @return whether the column has its own index */
    public boolean isIndexed() {
        return spec.index;
    }

    /** @return the explicit autoincrement setting, or null when SQLAlchemy's default rule applies */
    public @Nullable Boolean autoincrementSetting() {
        return spec.autoincrement;
    }

    /**
     * Whether the database generates this column's values: this column is its table's
     * {@link Table#autoincrementColumn()}. Before the column belongs to a table, the answer assumes it will be the
     * table's only primary key column.
     *
     * @return true when the database generates values
     */
    public boolean isAutoincrement() {
        Table owner = owner();
        if (owner != null) {
            return owner.autoincrementColumn() == this;
        }
        if (!spec.primaryKey) {
            return false;
        }
        return spec.autoincrement != null ? spec.autoincrement : Autoincrement.qualifiesByDefault(this);
    }

    /** @return whether a Java-side default is set ({@link #defaultValue(Object)} or {@link #defaultSupplier}) */
    public boolean hasDefault() {
        return spec.defaultValue != null;
    }

    /** @return the Java-side default, or null */
    public @Nullable Supplier<? extends @Nullable T> defaultValue() {
        return spec.defaultValue;
    }

    /**
     * The Java-side default for one INSERT: the fixed value, or a fresh one from the supplier.
     *
     * @return the value, or null when there is no default (or the default is null)
     */
    public @Nullable T evaluateDefault() {
        Supplier<? extends @Nullable T> supplier = spec.defaultValue;
        return supplier == null ? null : supplier.get();
    }

    @Override
    public @Nullable Supplier<? extends @Nullable Object> insertDefault() {
        return spec.defaultValue;
    }

    /** @return whether the DDL gives the column a DEFAULT (text or expression) */
    public boolean hasServerDefault() {
        return spec.serverDefaultText != null || spec.serverDefaultExpression != null;
    }

    /** @return the DDL default written as SQL text ({@code 0}, {@code 'new'}), or null */
    public @Nullable String serverDefault() {
        return spec.serverDefaultText;
    }

    /** @return the DDL default given as an expression, or null */
    public @Nullable ClauseElement serverDefaultExpression() {
        return spec.serverDefaultExpression;
    }

    /** @return the foreign key, or null */
    public @Nullable ForeignKey foreignKey() {
        return spec.foreignKey;
    }

    /** @return the inline check's condition, or null */
    public @Nullable String check() {
        CheckConstraint c = spec.check;
        return c == null ? null : c.sqlText();
    }

    /** @return the inline check, or null */
    public @Nullable CheckConstraint checkConstraint() {
        return spec.check;
    }
}
