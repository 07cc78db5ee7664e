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
import dev.alchemy.sql.ClauseElement;
import dev.alchemy.sql.ColumnElement;
import dev.alchemy.sql.Delete;
import dev.alchemy.sql.FunctionCall;
import dev.alchemy.sql.Insert;
import dev.alchemy.sql.Select;
import dev.alchemy.sql.TableClause;
import dev.alchemy.sql.TextClause;
import dev.alchemy.sql.UnaryExpression;
import dev.alchemy.sql.Update;
import dev.alchemy.types.SqlTypes;
import java.util.List;

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
     * The negation of a condition, like {@code not_(...)}.
     *
     * @param condition the condition
     * @return {@code NOT (condition)}
     */
    public static ColumnElement<Boolean> not(ColumnElement<Boolean> condition) {
        return new UnaryExpression<>(condition, "NOT (", ")", SqlTypes.BOOLEAN);
    }

    /**
     * {@code count(*)}, like {@code func.count()}.
     *
     * @return the function call
     */
    public static ColumnElement<Long> count() {
        return new FunctionCall<>("count", List.of(), SqlTypes.BIGINT);
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
}
