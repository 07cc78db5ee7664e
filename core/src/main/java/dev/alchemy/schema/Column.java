package dev.alchemy.schema;

import dev.alchemy.sql.ColumnClause;
import dev.alchemy.sql.TableClause;
import dev.alchemy.types.BigIntegerType;
import dev.alchemy.types.IntegerType;
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
 * }</pre>
 *
 * @param <T> the Java type of the column's values
 */
public final class Column<T> extends ColumnClause<T> implements SchemaItem {

    private final SqlType<T> type;
    private final boolean primaryKey;
    private final @Nullable Boolean nullable;
    private final boolean unique;
    private final boolean index;
    private final @Nullable Boolean autoincrement;
    private final @Nullable Supplier<? extends @Nullable T> defaultValue;
    private final @Nullable String serverDefault;
    private final @Nullable ForeignKey foreignKey;
    private final @Nullable String check;

    @SuppressWarnings("ParameterNumber")
    private Column(
            String name,
            SqlType<T> type,
            @Nullable TableClause table,
            boolean primaryKey,
            @Nullable Boolean nullable,
            boolean unique,
            boolean index,
            @Nullable Boolean autoincrement,
            @Nullable Supplier<? extends @Nullable T> defaultValue,
            @Nullable String serverDefault,
            @Nullable ForeignKey foreignKey,
            @Nullable String check) {
        super(name, Objects.requireNonNull(type, "type"), table);
        this.type = type;
        this.primaryKey = primaryKey;
        this.nullable = nullable;
        this.unique = unique;
        this.index = index;
        this.autoincrement = autoincrement;
        this.defaultValue = defaultValue;
        this.serverDefault = serverDefault;
        this.foreignKey = foreignKey;
        this.check = check;
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
        return new Column<>(name, type, null, false, null, false, false, null, null, null, null, null);
    }

    private Column<T> copy(
            @Nullable TableClause table,
            boolean primaryKey,
            @Nullable Boolean nullable,
            boolean unique,
            boolean index,
            @Nullable Boolean autoincrement,
            @Nullable Supplier<? extends @Nullable T> defaultValue,
            @Nullable String serverDefault,
            @Nullable ForeignKey foreignKey,
            @Nullable String check) {
        return new Column<>(
                name(),
                type,
                table,
                primaryKey,
                nullable,
                unique,
                index,
                autoincrement,
                defaultValue,
                serverDefault,
                foreignKey,
                check);
    }

    /** @return a copy that is (part of) the primary key, and so NOT NULL */
    public Column<T> primaryKey() {
        return copy(
                table(), true, nullable, unique, index, autoincrement, defaultValue, serverDefault, foreignKey, check);
    }

    /** @return a copy that is NOT NULL */
    public Column<T> notNull() {
        return copy(
                table(),
                primaryKey,
                false,
                unique,
                index,
                autoincrement,
                defaultValue,
                serverDefault,
                foreignKey,
                check);
    }

    /**
     * @param nullable whether NULL is allowed
     * @return a copy with this nullability
     */
    public Column<T> nullable(boolean nullable) {
        return copy(
                table(),
                primaryKey,
                nullable,
                unique,
                index,
                autoincrement,
                defaultValue,
                serverDefault,
                foreignKey,
                check);
    }

    /** @return a copy with a UNIQUE constraint on this column alone */
    public Column<T> unique() {
        return copy(
                table(),
                primaryKey,
                nullable,
                true,
                index,
                autoincrement,
                defaultValue,
                serverDefault,
                foreignKey,
                check);
    }

    /** @return a copy with an index {@code ix_<table>_<column>} */
    public Column<T> index() {
        return copy(
                table(),
                primaryKey,
                nullable,
                unique,
                true,
                autoincrement,
                defaultValue,
                serverDefault,
                foreignKey,
                check);
    }

    /**
     * Whether the database generates values for this primary key column. By default a single-column integer
     * primary key autoincrements, as in SQLAlchemy.
     *
     * @param autoincrement true or false
     * @return a copy with this setting
     */
    public Column<T> autoincrement(boolean autoincrement) {
        return copy(
                table(),
                primaryKey,
                nullable,
                unique,
                index,
                autoincrement,
                defaultValue,
                serverDefault,
                foreignKey,
                check);
    }

    /**
     * A value Java supplies on INSERT when none is given (nothing in the DDL), like {@code default=}.
     *
     * @param value the value
     * @return a copy with this default
     */
    public Column<T> defaultValue(@Nullable T value) {
        return copy(
                table(),
                primaryKey,
                nullable,
                unique,
                index,
                autoincrement,
                () -> value,
                serverDefault,
                foreignKey,
                check);
    }

    /**
     * A value computed by Java on each INSERT when none is given, like {@code default=datetime.now}.
     *
     * @param supplier computes the value
     * @return a copy with this default
     */
    public Column<T> defaultSupplier(Supplier<? extends @Nullable T> supplier) {
        Objects.requireNonNull(supplier, "supplier");
        return copy(
                table(),
                primaryKey,
                nullable,
                unique,
                index,
                autoincrement,
                supplier,
                serverDefault,
                foreignKey,
                check);
    }

    /**
     * A DEFAULT in the DDL, written in SQL by the schema's author: {@code "0"}, {@code "CURRENT_TIMESTAMP"}.
     * Use {@link #serverDefaultString(String)} for a string literal.
     *
     * @param sqlText the default expression
     * @return a copy with this server default
     */
    public Column<T> serverDefault(String sqlText) {
        return copy(
                table(),
                primaryKey,
                nullable,
                unique,
                index,
                autoincrement,
                defaultValue,
                Objects.requireNonNull(sqlText),
                foreignKey,
                check);
    }

    /**
     * A string literal DEFAULT in the DDL, quoted: {@code DEFAULT 'new'}, like {@code server_default="new"}.
     *
     * @param value the string
     * @return a copy with this server default
     */
    public Column<T> serverDefaultString(String value) {
        return serverDefault("'" + value.replace("'", "''") + "'");
    }

    /**
     * A foreign key to another table's column.
     *
     * @param foreignKey the reference, e.g. {@code ForeignKey.to("users.id")}
     * @return a copy with this reference
     */
    public Column<T> references(ForeignKey foreignKey) {
        return copy(
                table(),
                primaryKey,
                nullable,
                unique,
                index,
                autoincrement,
                defaultValue,
                serverDefault,
                Objects.requireNonNull(foreignKey),
                check);
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
     * An inline CHECK on this column, written in SQL by the schema's author.
     *
     * @param sqlText the condition, e.g. {@code price > 0}
     * @return a copy with this check
     */
    public Column<T> check(String sqlText) {
        return copy(
                table(),
                primaryKey,
                nullable,
                unique,
                index,
                autoincrement,
                defaultValue,
                serverDefault,
                foreignKey,
                Objects.requireNonNull(sqlText));
    }

    Column<T> attachTo(Table table) {
        if (table() != null) {
            throw new dev.alchemy.exc.ArgumentError(
                    "column '" + name() + "' already belongs to table '" + table().name() + "'");
        }
        return copy(
                table,
                primaryKey,
                nullable,
                unique,
                index,
                autoincrement,
                defaultValue,
                serverDefault,
                foreignKey,
                check);
    }

    @Override
    public SqlType<T> type() {
        return type;
    }

    /** @return the table this column belongs to, or null before it is added to one */
    public @Nullable Table owner() {
        return table() instanceof Table t ? t : null;
    }

    /** @return whether the column is part of the primary key */
    public boolean isPrimaryKey() {
        return primaryKey;
    }

    /** @return whether NULL is allowed: by default yes, except for primary key columns */
    public boolean isNullable() {
        return nullable != null ? nullable : !primaryKey;
    }

    /** @return whether the column alone is UNIQUE */
    public boolean isUnique() {
        return unique;
    }

    /** @return whether the column has its own index */
    public boolean isIndexed() {
        return index;
    }

    /**
     * Whether the database generates this column's values: an explicit setting, or by default the only primary key
     * column of an integer type.
     *
     * @return true when the database generates values
     */
    public boolean isAutoincrement() {
        if (autoincrement != null) {
            return autoincrement && primaryKey;
        }
        if (!primaryKey || !(type instanceof IntegerType || type instanceof BigIntegerType) || foreignKey != null) {
            return false;
        }
        Table owner = owner();
        return owner == null || owner.primaryKey().size() == 1;
    }

    /** @return the Java-side default, or null */
    public @Nullable Supplier<? extends @Nullable T> defaultValue() {
        return defaultValue;
    }

    /** @return the DDL default expression, or null */
    public @Nullable String serverDefault() {
        return serverDefault;
    }

    /** @return the foreign key, or null */
    public @Nullable ForeignKey foreignKey() {
        return foreignKey;
    }

    /** @return the inline check, or null */
    public @Nullable String check() {
        return check;
    }
}
