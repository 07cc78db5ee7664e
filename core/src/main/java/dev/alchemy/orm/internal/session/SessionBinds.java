package dev.alchemy.orm.internal.session;

import dev.alchemy.engine.Engine;
import dev.alchemy.engine.Executable;
import dev.alchemy.exc.InvalidRequestError;
import dev.alchemy.orm.BindRequest;
import dev.alchemy.orm.BindResolver;
import dev.alchemy.orm.EntitySelect;
import dev.alchemy.orm.internal.mapping.Mapper;
import dev.alchemy.schema.Table;
import dev.alchemy.sql.Alias;
import dev.alchemy.sql.ColumnElement;
import dev.alchemy.sql.CompoundSelect;
import dev.alchemy.sql.Cte;
import dev.alchemy.sql.Delete;
import dev.alchemy.sql.Exists;
import dev.alchemy.sql.FromClause;
import dev.alchemy.sql.Insert;
import dev.alchemy.sql.Join;
import dev.alchemy.sql.Label;
import dev.alchemy.sql.ScalarSelect;
import dev.alchemy.sql.Select;
import dev.alchemy.sql.SelectStatement;
import dev.alchemy.sql.Subquery;
import dev.alchemy.sql.TableClause;
import dev.alchemy.sql.Update;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Which engine a session runs a statement on: SQLAlchemy's {@code Session.get_bind()}. The model's bind (its class
 * or a superclass), then the binds of the tables the statement names, then the factory's engine; a statement whose
 * model and tables are bound to different engines is refused, since no single database can run it. A
 * {@link BindResolver}, when given, has the last word.
 *
 * <p>Immutable and shared by the sessions of a factory.
 */
public final class SessionBinds {

    private final Engine engine;
    private final Map<Class<?>, Engine> models;
    /** Engines by schema-qualified table name: a model's table is defined anew by every {@code Base} that maps it. */
    private final Map<String, Engine> tables;

    private final @Nullable BindResolver resolver;
    private final boolean readOnly;

    /**
     * @param engine the factory's engine: what nothing else binds runs on
     * @param models engines by model class (a class binds its subclasses too)
     * @param tables engines by table
     * @param resolver the application's choice, or null
     * @param readOnly whether the sessions are read-only
     */
    public SessionBinds(
            Engine engine,
            Map<Class<?>, Engine> models,
            Map<Table, Engine> tables,
            @Nullable BindResolver resolver,
            boolean readOnly) {
        this.engine = Objects.requireNonNull(engine, "engine");
        this.models = Map.copyOf(models);
        Map<String, Engine> byTable = new java.util.HashMap<>();
        tables.forEach((table, bound) -> byTable.put(key(table), bound));
        for (Map.Entry<Class<?>, Engine> e : models.entrySet()) {
            if (Mapper.isMapped(e.getKey())) {
                // the model's own table: so that a Core statement on it, or a join to it, goes where the model does
                byTable.putIfAbsent(key(Mapper.of(e.getKey()).table), e.getValue());
            }
        }
        this.tables = byTable;
        this.resolver = resolver;
        this.readOnly = readOnly;
    }

    /** @return the factory's engine */
    public Engine engine() {
        return engine;
    }

    /** @return whether every statement runs on the factory's engine: no binds, no resolver */
    public boolean single() {
        return models.isEmpty() && tables.isEmpty() && resolver == null;
    }

    /** @return whether the sessions are read-only */
    public boolean readOnly() {
        return readOnly;
    }

    /** @return the engine a model's rows are written on, or read from */
    public Engine forModel(Mapper<?> mapper, boolean write) {
        if (single()) {
            return engine;
        }
        return choose(mapper.type, Set.of(mapper.table), write);
    }

    /** @return the engine of work that names no model and no table (a savepoint, {@code text()}) */
    public Engine forNoTable() {
        return single() ? engine : choose(null, Set.of(), false);
    }

    /** @return the engine a statement runs on */
    public Engine forStatement(@Nullable Class<?> model, Executable statement, boolean write) {
        if (single()) {
            return engine;
        }
        Set<TableClause> named = new LinkedHashSet<>();
        collect(statement, named);
        return choose(model, named, write);
    }

    private Engine choose(@Nullable Class<?> model, Set<TableClause> named, boolean write) {
        // every model and table is somewhere: where it is bound, else on the factory's engine
        Map<Engine, List<String>> found = new LinkedHashMap<>();
        if (model != null) {
            Engine modelBind = modelBind(model);
            found.computeIfAbsent(modelBind == null ? engine : modelBind, e -> new ArrayList<>())
                    .add("model " + model.getSimpleName());
        }
        for (TableClause t : named) {
            Engine bound = tables.get(key(t));
            found.computeIfAbsent(bound == null ? engine : bound, e -> new ArrayList<>())
                    .add("table " + t.name());
        }
        if (found.size() > 1) {
            StringBuilder message =
                    new StringBuilder("this statement needs several databases, and one statement runs on one: ");
            String separator = "";
            for (Map.Entry<Engine, List<String>> e : found.entrySet()) {
                message.append(separator)
                        .append(String.join(", ", e.getValue()))
                        .append(" bound to ")
                        .append(e.getKey());
                separator = "; ";
            }
            message.append(" (what is not bound is on the factory's engine). Query each database on its own and "
                    + "combine the results in Java, or bind these to one engine (SessionFactory.withBind)");
            throw new InvalidRequestError(message.toString());
        }
        Engine mapped = found.isEmpty() ? engine : found.keySet().iterator().next();
        BindResolver r = resolver;
        if (r == null) {
            return mapped;
        }
        Engine chosen = r.resolve(new BindRequest(model, named, write, readOnly, mapped));
        if (chosen == null) {
            throw new InvalidRequestError("the session's BindResolver returned no engine for "
                    + (model == null ? "a statement on " + names(named) : model.getSimpleName()));
        }
        return chosen;
    }

    private static String key(TableClause table) {
        return table.schema() == null ? table.name() : table.schema() + "." + table.name();
    }

    private @Nullable Engine modelBind(Class<?> model) {
        if (models.isEmpty()) {
            return null;
        }
        for (Class<?> c = model; c != null && c != Object.class; c = c.getSuperclass()) {
            Engine e = models.get(c);
            if (e != null) {
                return e;
            }
            for (Class<?> i : c.getInterfaces()) {
                Engine viaInterface = models.get(i);
                if (viaInterface != null) {
                    return viaInterface;
                }
            }
        }
        return null;
    }

    private static String names(Set<TableClause> named) {
        return named.isEmpty()
                ? "no table"
                : named.stream().map(TableClause::name).toList().toString();
    }

    /**
     * The tables a statement names: its FROM list (joins, aliases, subqueries and CTEs followed), every SELECT of a
     * compound one, the table an INSERT, UPDATE or DELETE writes and those of its WHERE clause's columns. A table
     * named only inside a subquery of a WHERE clause ({@code IN (SELECT ...)}, {@code EXISTS}) is not seen; one in
     * the select list ({@code SELECT EXISTS (...)}) is.
     */
    private static void collect(Executable statement, Set<TableClause> into) {
        if (statement instanceof EntitySelect<?> entity) {
            collect(entity.select(), into);
        } else if (statement instanceof SelectStatement select) {
            collectSelect(select, into);
        } else if (statement instanceof Insert insert) {
            into.add(insert.table());
        } else if (statement instanceof Update update) {
            into.add(update.table());
            collectWhere(update.whereClause(), into);
        } else if (statement instanceof Delete delete) {
            into.add(delete.table());
            collectWhere(delete.whereClause(), into);
        }
    }

    private static void collectSelect(SelectStatement statement, Set<TableClause> into) {
        if (statement instanceof CompoundSelect compound) {
            for (SelectStatement s : compound.selects()) {
                collectSelect(s, into);
            }
        } else if (statement instanceof Select select) {
            for (FromClause from : select.froms()) {
                collectFrom(from, into);
            }
            for (ColumnElement<?> column : select.columns()) {
                collectSelected(column, into);
            }
        }
    }

    /** A subquery in the select list ({@code SELECT EXISTS (...)}, as Query.exists() runs) reads its own tables. */
    private static void collectSelected(ColumnElement<?> column, Set<TableClause> into) {
        ColumnElement<?> c = column instanceof Label<?> label ? label.element() : column;
        if (c instanceof Exists exists) {
            collectSelect(exists.select(), into);
        } else if (c instanceof ScalarSelect<?> scalar) {
            collectSelect(scalar.select(), into);
        }
    }

    private static void collectWhere(@Nullable ColumnElement<Boolean> where, Set<TableClause> into) {
        if (where != null) {
            where.collectFroms(from -> collectFrom(from, into));
        }
    }

    private static void collectFrom(FromClause from, Set<TableClause> into) {
        if (from instanceof Join join) {
            collectFrom(join.left(), into);
            collectFrom(join.right(), into);
        } else if (from instanceof Alias alias) {
            collectFrom(alias.original(), into);
        } else if (from instanceof Subquery subquery) {
            collectSelect(subquery.select(), into);
        } else if (from instanceof Cte cte) {
            if (!into.contains(cte)) { // a recursive CTE names itself
                into.add(cte);
                collectSelect(cte.select(), into);
                into.remove(cte);
            }
        } else if (from instanceof dev.alchemy.sql.Values) {
            // rows written into the statement: in no database
        } else if (from instanceof TableClause table) {
            into.add(table);
        }
    }
}
