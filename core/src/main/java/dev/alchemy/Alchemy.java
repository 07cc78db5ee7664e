package dev.alchemy;

import dev.alchemy.engine.Engine;
import dev.alchemy.engine.EngineOptions;
import dev.alchemy.orm.EntitySelect;
import dev.alchemy.orm.Getter;
import dev.alchemy.orm.ModelColumns;
import dev.alchemy.schema.Column;
import dev.alchemy.schema.Inspector;
import dev.alchemy.sql.BindParam;
import dev.alchemy.sql.BooleanClauseList;
import dev.alchemy.sql.BooleanConstant;
import dev.alchemy.sql.Case;
import dev.alchemy.sql.ClauseElement;
import dev.alchemy.sql.ColumnClause;
import dev.alchemy.sql.ColumnElement;
import dev.alchemy.sql.CompoundSelect;
import dev.alchemy.sql.Delete;
import dev.alchemy.sql.Exists;
import dev.alchemy.sql.Extract;
import dev.alchemy.sql.ForUpdate;
import dev.alchemy.sql.Functions;
import dev.alchemy.sql.Insert;
import dev.alchemy.sql.LiteralColumn;
import dev.alchemy.sql.Not;
import dev.alchemy.sql.OrderByElement;
import dev.alchemy.sql.Select;
import dev.alchemy.sql.SelectStatement;
import dev.alchemy.sql.TableClause;
import dev.alchemy.sql.TextClause;
import dev.alchemy.sql.Update;
import dev.alchemy.types.SqlType;
import java.util.List;
import java.util.Objects;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * Alchemy's static entry points, the Java counterpart of {@code from sqlalchemy import create_engine, text, ...}.
 * Import them statically:
 *
 * <pre>{@code
 * import static dev.alchemy.Alchemy.*;
 *
 * Engine engine = createEngine("sqlite:///:memory:");
 * try (Connection conn = engine.connect()) {
 *     Result result = conn.execute(text("SELECT 'hello' AS greeting"));
 *     System.out.println(result.scalar());
 * }
 * }</pre>
 */
public final class Alchemy {

    /**
     * SQL functions, like SQLAlchemy's {@code func}: {@code func.count()}, {@code func.sum(col)}, {@code
     * func.coalesce(col, "x")}, {@code func.of("name", args...)} for any other.
     */
    public static final Functions func = Functions.INSTANCE;

    private Alchemy() {}

    /**
     * Creates an engine, like {@code create_engine(url)}. URLs in SQLAlchemy's form ({@code sqlite:///app.db},
     * {@code sqlite:///:memory:}, {@code postgresql://user:pass@host:5432/db}) and JDBC form ({@code jdbc:sqlite:app.db})
     * are accepted. No connection is opened until the engine is first used.
     *
     * @param url the database URL
     * @return the engine
     * @throws dev.alchemy.exc.ArgumentError when the URL is malformed or names an unknown database
     * @throws dev.alchemy.exc.NoSuchModuleError when the database's JDBC driver is not on the classpath
     */
    public static Engine createEngine(String url) {
        return Engine.create(url);
    }

    /**
     * Creates an engine with options, like {@code create_engine(url, echo=True, pool_size=10)}.
     *
     * @param url the database URL
     * @param options echo, pool size, timeouts
     * @return the engine
     */
    public static Engine createEngine(String url, EngineOptions options) {
        return Engine.create(url, options);
    }

    /**
     * Creates an engine on an existing {@link DataSource} (an application's pool, a JNDI data source): the engine
     * borrows its connections and never closes it. The dialect comes from the database the first connection reports.
     *
     * <pre>{@code
     * Engine engine = createEngine(hikariDataSource);
     * }</pre>
     *
     * @param dataSource the data source
     * @return the engine
     */
    public static Engine createEngine(DataSource dataSource) {
        return Engine.create(Objects.requireNonNull(dataSource, "dataSource"));
    }

    /**
     * Creates an engine on an existing {@link DataSource} with options (echo, listeners); the pool options are
     * ignored, the data source pools.
     *
     * @param dataSource the data source
     * @param options the options
     * @return the engine
     */
    public static Engine createEngine(DataSource dataSource, EngineOptions options) {
        return Engine.create(Objects.requireNonNull(dataSource, "dataSource"), options);
    }

    /**
     * An inspector of the engine's database, like {@code inspect(engine)}: table names, columns, keys, indexes and
     * constraints as the database reports them.
     *
     * <pre>{@code
     * Inspector inspector = inspect(engine);
     * List<String> tables = inspector.tableNames();
     * List<ReflectedColumn> columns = inspector.columns("users");
     * }</pre>
     *
     * @param engine the engine
     * @return the inspector
     */
    public static Inspector inspect(Engine engine) {
        return Inspector.of(engine);
    }

    /**
     * Literal SQL with {@code :name} parameters, like {@code text()}.
     *
     * @param sql the SQL text
     * @return the clause, executable on a connection
     */
    public static TextClause text(String sql) {
        return TextClause.of(sql);
    }

    /**
     * A SELECT of columns, expressions or whole tables, like {@code select(users.c.id, users.c.name)}.
     *
     * @param items what to select
     * @return the statement
     */
    public static Select select(ClauseElement... items) {
        return Select.of(items);
    }

    /**
     * An INSERT into a table, like {@code insert(users)}.
     *
     * @param table the table
     * @return the statement
     */
    public static Insert insert(TableClause table) {
        return Insert.into(table);
    }

    /**
     * An UPDATE of a table, like {@code update(users)}.
     *
     * @param table the table
     * @return the statement
     */
    public static Update update(TableClause table) {
        return Update.of(table);
    }

    /**
     * A DELETE from a table, like {@code delete(users)}.
     *
     * @param table the table
     * @return the statement
     */
    public static Delete delete(TableClause table) {
        return Delete.from(table);
    }

    /**
     * All of the conditions, like {@code and_(...)}.
     *
     * @param conditions the conditions
     * @return their conjunction
     */
    @SafeVarargs
    public static ColumnElement<Boolean> and(ColumnElement<Boolean>... conditions) {
        return BooleanClauseList.and(List.of(conditions));
    }

    /**
     * Any of the conditions, like {@code or_(...)}.
     *
     * @param conditions the conditions
     * @return their disjunction
     */
    @SafeVarargs
    public static ColumnElement<Boolean> or(ColumnElement<Boolean>... conditions) {
        return BooleanClauseList.or(List.of(conditions));
    }

    /**
     * The negation of a condition, like {@code not_(...)}: an inverted operator where there is one ({@code a != ?},
     * {@code NOT LIKE}, {@code NOT IN}), otherwise {@code NOT (condition)}.
     *
     * @param condition the condition
     * @return its negation
     */
    public static ColumnElement<Boolean> not(ColumnElement<Boolean> condition) {
        return Not.of(condition);
    }

    /**
     * {@code count(*)}, like {@code func.count()}.
     *
     * @return the function call
     */
    public static ColumnElement<Long> count() {
        return func.count();
    }

    /**
     * A parameter whose value is given at execution, like {@code bindparam('name')}.
     *
     * @param name the parameter's key
     * @return the parameter
     */
    public static ColumnElement<Object> bindparam(String name) {
        return BindParam.required(name, null);
    }

    /**
     * A SELECT of mapped objects, like {@code select(User)}.
     *
     * @param model a class annotated with {@code @Table}
     * @param <T> the class
     * @return the entity select
     */
    public static <T> EntitySelect<T> select(Class<T> model) {
        return EntitySelect.of(model);
    }

    /**
     * The column of a mapped attribute, named by its getter, to build typed conditions:
     * {@code where(User::getName).eq("Alice")}. Resolved once per call site.
     *
     * @param getter a method reference to the getter
     * @param <T> the mapped class
     * @param <R> the attribute's type
     * @return the column
     */
    public static <T, R> Column<R> where(Getter<T, R> getter) {
        return ModelColumns.of(getter);
    }

    /**
     * The column of a mapped attribute named by its getter, for use anywhere a column goes (ORDER BY, a select list,
     * a join condition), not only in WHERE: {@code orderBy(attr(User::getName).desc())}. The same as
     * {@link #where(Getter)}, under a name that reads right outside a condition.
     *
     * @param getter a method reference to the getter
     * @param <T> the mapped class
     * @param <R> the attribute's type
     * @return the column
     * @throws dev.alchemy.exc.ArgumentError when it is not the getter of a mapped attribute
     */
    public static <T, R> Column<R> attr(Getter<T, R> getter) {
        return ModelColumns.of(getter);
    }

    /**
     * The typed column of a mapped attribute by name, for models with public fields:
     * {@code column(User.class, "age", Integer.class).gt(30)}. The type is checked against the field's when called,
     * so a wrong one fails at once with the field's real type in the message; a primitive field takes its wrapper.
     *
     * @param model the mapped class
     * @param attribute the field name
     * @param type the field's type (or a supertype of it)
     * @param <R> the type
     * @return the column
     * @throws dev.alchemy.exc.ArgumentError when the name is unknown or the type is not the field's
     */
    public static <R> Column<R> column(Class<?> model, String attribute, Class<R> type) {
        return ModelColumns.of(model, attribute, type);
    }

    /**
     * A row lock for {@code withForUpdate(...)}: {@code forUpdate().skipLocked()}, {@code forUpdate().ofShare()}.
     *
     * @return {@code FOR UPDATE}, to add options to
     */
    public static ForUpdate forUpdate() {
        return ForUpdate.forUpdate();
    }

    /**
     * The column of a mapped attribute by name, for models with public fields: {@code column(User.class, "name")}.
     *
     * @param model the mapped class
     * @param attribute the field name
     * @return the column
     * @throws dev.alchemy.exc.ArgumentError listing the attributes when the name is unknown
     */
    public static Column<Object> column(Class<?> model, String attribute) {
        return ModelColumns.of(model, attribute);
    }

    /**
     * A parameter with a name and a value, like {@code bindparam('name', value)}; a value under the same key given
     * at execution replaces it.
     *
     * @param name the parameter's key
     * @param value its value
     * @param type its type, or null to bind by the value's Java type
     * @param <T> the value's Java type
     * @return the parameter
     */
    public static <T> ColumnElement<T> bindparam(String name, @Nullable T value, @Nullable SqlType<T> type) {
        return BindParam.named(name, value, type);
    }

    /**
     * A value as a bound parameter, like {@code literal(value)}: {@code select(literal("x"))} is {@code SELECT ? AS
     * anon_1}. Its type is the standard one for its Java class.
     *
     * @param value the value, never written into the SQL text
     * @param <T> its Java type
     * @return the parameter
     */
    @SuppressWarnings("unchecked")
    public static <T> ColumnElement<T> literal(T value) {
        Objects.requireNonNull(value, "value; for NULL use null_()");
        return BindParam.anonymous("param", value, (SqlType<T>) typeOf(value));
    }

    /**
     * A value as a bound parameter of a given type.
     *
     * @param value the value
     * @param type its SQL type
     * @param <T> its Java type
     * @return the parameter
     */
    public static <T> ColumnElement<T> literal(@Nullable T value, SqlType<T> type) {
        return BindParam.anonymous("param", value, Objects.requireNonNull(type, "type"));
    }

    private static @Nullable SqlType<?> typeOf(Object value) {
        try {
            return dev.alchemy.types.SqlTypes.forJavaType(value.getClass());
        } catch (dev.alchemy.exc.ArgumentError unknown) {
            return null;
        }
    }

    /**
     * A part of a date, time or timestamp, like SQLAlchemy's {@code extract('year', col)}: {@code EXTRACT(year FROM
     * col)} on PostgreSQL, {@code CAST(STRFTIME('%Y', col) AS INTEGER)} on SQLite.
     *
     * <pre>{@code
     * select(extract("year", orders.c("placed_at")).label("year"), func.count())
     *         .groupBy(extract("year", orders.c("placed_at")));
     * }</pre>
     *
     * @param field {@code year}, {@code quarter}, {@code month}, {@code week}, {@code day}, {@code doy}, {@code dow},
     *     {@code hour}, {@code minute}, {@code second}, {@code milliseconds}, {@code microseconds}, {@code epoch},
     *     {@code timezone_hour} or {@code timezone_minute}, in any case; see {@link Extract}
     * @param expression the date, time or timestamp
     * @return the expression: an {@code Integer}, or a {@code BigDecimal} for second, milliseconds and epoch
     * @throws dev.alchemy.exc.ArgumentError for another field name
     */
    public static ColumnElement<Number> extract(String field, ColumnElement<?> expression) {
        return new Extract(field, expression);
    }

    /**
     * Trusted SQL text as an expression, written as given, like {@code literal_column}: {@code literalColumn("*")}.
     * Never pass user input: use {@link #literal(Object)}, which binds it.
     *
     * @param text the SQL text
     * @return the expression
     */
    public static ColumnElement<Object> literalColumn(String text) {
        return new LiteralColumn<>(text, null);
    }

    /**
     * Trusted SQL text as an expression of a type.
     *
     * @param text the SQL text
     * @param type its type
     * @param <T> its Java type
     * @return the expression
     */
    public static <T> ColumnElement<T> literalColumn(String text, SqlType<T> type) {
        return new LiteralColumn<>(text, type);
    }

    /**
     * A column by name, not tied to a table, like {@code column('name')}.
     *
     * @param name the column's name
     * @return the column
     */
    public static ColumnClause<Object> column(String name) {
        return ColumnClause.of(name, null);
    }

    /** @return the constant TRUE, like {@code true()} ({@code 1} on SQLite) */
    public static ColumnElement<Boolean> true_() {
        return BooleanConstant.of(true);
    }

    /** @return the constant FALSE, like {@code false()} ({@code 0} on SQLite) */
    public static ColumnElement<Boolean> false_() {
        return BooleanConstant.of(false);
    }

    /** @return {@code NULL}, like {@code null()} */
    public static ColumnElement<Object> null_() {
        return new LiteralColumn<>("NULL", null);
    }

    /**
     * {@code CAST(expression AS type)}, like {@code cast()}.
     *
     * @param expression the expression
     * @param type the target type
     * @param <T> its Java type
     * @return the cast
     */
    public static <T> ColumnElement<T> cast(ColumnElement<?> expression, SqlType<T> type) {
        return expression.cast(type);
    }

    /**
     * A searched CASE, like {@code case((cond, result), ..., else_=...)}: {@code case_(when(c1, "a"), when(c2,
     * "b")).else_("c")}.
     *
     * @param whens the conditions and results
     * @param <T> the results' Java type
     * @return the CASE
     */
    @SafeVarargs
    public static <T> Case<T> case_(Case.When<T>... whens) {
        return Case.of(List.of(whens));
    }

    /**
     * A CASE on a value, like {@code case({...}, value=col)}: {@code case_(col).when(1, "one").else_("many")}.
     *
     * @param value the compared expression
     * @param <T> the results' Java type
     * @return the CASE, to which {@code when(value, result)} adds pairs
     */
    public static <T> Case<T> case_(ColumnElement<?> value) {
        return Case.on(value);
    }

    /**
     * One {@code WHEN condition THEN result} of a CASE.
     *
     * @param condition the condition
     * @param result the result, bound
     * @param <T> the result's Java type
     * @return the WHEN
     */
    public static <T> Case.When<T> when(ColumnElement<Boolean> condition, @Nullable T result) {
        return Case.When.of(condition, result);
    }

    /**
     * One {@code WHEN condition THEN expression} of a CASE.
     *
     * @param condition the condition
     * @param result the result expression
     * @param <T> the result's Java type
     * @return the WHEN
     */
    public static <T> Case.When<T> when(ColumnElement<Boolean> condition, ColumnElement<T> result) {
        return Case.When.of(condition, result);
    }

    /**
     * {@code EXISTS (SELECT * ...)}, like {@code exists()}; add the subquery's conditions with {@code .where(...)},
     * its FROM comes from them.
     *
     * @return the EXISTS
     */
    public static Exists exists() {
        return Select.of(literalColumn("*")).exists();
    }

    /**
     * {@code EXISTS (subquery)}.
     *
     * @param subquery the SELECT
     * @return the EXISTS
     */
    public static Exists exists(SelectStatement subquery) {
        return new Exists(subquery);
    }

    /**
     * {@code NOT (EXISTS (subquery))}.
     *
     * @param subquery the SELECT
     * @return the condition
     */
    public static ColumnElement<Boolean> notExists(SelectStatement subquery) {
        return Not.of(new Exists(subquery));
    }

    /**
     * {@code first UNION others...}, like {@code union()}.
     *
     * @param first the first SELECT
     * @param others the others
     * @return the compound
     */
    public static CompoundSelect union(SelectStatement first, SelectStatement... others) {
        return first.union(others);
    }

    /**
     * {@code first UNION ALL others...}.
     *
     * @param first the first SELECT
     * @param others the others
     * @return the compound
     */
    public static CompoundSelect unionAll(SelectStatement first, SelectStatement... others) {
        return first.unionAll(others);
    }

    /**
     * {@code first INTERSECT others...}.
     *
     * @param first the first SELECT
     * @param others the others
     * @return the compound
     */
    public static CompoundSelect intersect(SelectStatement first, SelectStatement... others) {
        return first.intersect(others);
    }

    /**
     * {@code first EXCEPT others...}, like {@code except_()}.
     *
     * @param first the first SELECT
     * @param others the others
     * @return the compound
     */
    public static CompoundSelect except(SelectStatement first, SelectStatement... others) {
        return first.except(others);
    }

    /**
     * {@code expression ASC}, like {@code asc()}.
     *
     * @param expression the expression
     * @return the ORDER BY item
     */
    public static OrderByElement asc(ColumnElement<?> expression) {
        return expression.asc();
    }

    /**
     * {@code expression DESC}, like {@code desc()}.
     *
     * @param expression the expression
     * @return the ORDER BY item
     */
    public static OrderByElement desc(ColumnElement<?> expression) {
        return expression.desc();
    }

    /**
     * {@code expression NULLS FIRST}, like {@code nulls_first()}.
     *
     * @param expression the expression, or an ORDER BY item such as {@code desc(col)}
     * @return the ORDER BY item
     */
    public static OrderByElement nullsFirst(ClauseElement expression) {
        return orderItem(expression).nullsFirst();
    }

    /**
     * {@code expression NULLS LAST}, like {@code nulls_last()}.
     *
     * @param expression the expression, or an ORDER BY item such as {@code desc(col)}
     * @return the ORDER BY item
     */
    public static OrderByElement nullsLast(ClauseElement expression) {
        return orderItem(expression).nullsLast();
    }

    private static OrderByElement orderItem(ClauseElement expression) {
        if (expression instanceof OrderByElement o) {
            return o;
        }
        if (expression instanceof ColumnElement<?> c) {
            return new OrderByElement(c, null, null);
        }
        throw new dev.alchemy.exc.ArgumentError("cannot order by " + expression + "; give a column or expression");
    }

    /**
     * {@code DISTINCT expression}, like {@code distinct()}: {@code func.count(distinct(users.c("name")))}.
     *
     * @param expression the expression
     * @param <T> its Java type
     * @return the expression
     */
    public static <T> ColumnElement<T> distinct(ColumnElement<T> expression) {
        return expression.distinct();
    }
}
