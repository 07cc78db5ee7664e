package dev.alchemy.data.repository.support;

import static dev.alchemy.Alchemy.func;
import static dev.alchemy.Alchemy.literal;

import dev.alchemy.Alchemy;
import dev.alchemy.exc.AlchemyException;
import dev.alchemy.orm.LoadOption;
import dev.alchemy.orm.Query;
import dev.alchemy.orm.Related;
import dev.alchemy.orm.Session;
import dev.alchemy.sql.ColumnElement;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.InvalidDataAccessApiUsageException;
import org.springframework.data.core.PropertyPath;
import org.springframework.data.repository.query.ParametersParameterAccessor;
import org.springframework.data.repository.query.QueryCreationException;
import org.springframework.data.repository.query.QueryMethod;
import org.springframework.data.repository.query.RepositoryQuery;
import org.springframework.data.repository.query.parser.Part;
import org.springframework.data.repository.query.parser.PartTree;
import org.springframework.util.ObjectUtils;

/**
 * A query derived from the method's name ({@code findByLastNameStartingWithOrderByFirstName}), parsed by Spring
 * Data's {@link PartTree} and built as an Alchemy SQL expression: every value is a bound parameter, typed by its
 * column (converters apply). Properties are checked when the repository is created.
 */
final class PartTreeAlchemyQuery<T> implements RepositoryQuery {

    private final QueryMethod method;
    private final Session session;
    private final Class<T> type;
    private final PartTree tree;
    private final List<LoadOption> options;

    PartTreeAlchemyQuery(Method javaMethod, QueryMethod method, Session session, Class<T> type) {
        this.method = method;
        this.session = session;
        this.type = type;
        try {
            this.tree = new PartTree(method.getName(), type);
        } catch (RuntimeException e) {
            throw QueryCreationException.create(method, e.getMessage());
        }
        this.options = EntityQueries.loadOptions(javaMethod, method, type);
        for (Part part : tree.getParts()) {
            check(part);
        }
        if (tree.isDelete() && !(method.isCollectionQuery() || isCountType(method.getReturnedObjectType()))) {
            throw QueryCreationException.create(
                    method,
                    "a derived delete returns void, int or long (the number of rows), or a List of the objects");
        }
    }

    private static boolean isCountType(Class<?> type) {
        return type == void.class
                || type == Void.class
                || type == long.class
                || type == Long.class
                || type == int.class
                || type == Integer.class;
    }

    private void check(Part part) {
        switch (part.getType()) {
            case NEAR, WITHIN, REGEX, EXISTS ->
                throw QueryCreationException.create(
                        method,
                        "Alchemy repositories do not derive " + part.getType() + " conditions ("
                                + part.getProperty().toDotPath() + "); write the condition with @Query");
            default -> {}
        }
        PropertyPath path = part.getProperty();
        Class<?> owner = type;
        while (path.hasNext()) {
            if (!isRelationship(owner, path.getSegment())) {
                throw QueryCreationException.create(
                        method,
                        owner.getSimpleName() + "." + path.getSegment()
                                + " is not a relationship, so the query cannot follow it to " + path.toDotPath());
            }
            owner = path.getType();
            path = path.next();
        }
        if (part.getType() == Part.Type.IS_EMPTY || part.getType() == Part.Type.IS_NOT_EMPTY) {
            if (!isRelationship(owner, path.getSegment())) {
                throw QueryCreationException.create(
                        method, owner.getSimpleName() + "." + path.getSegment() + " is not a collection relationship");
            }
            return;
        }
        try {
            Alchemy.column(owner, path.getSegment());
        } catch (AlchemyException e) {
            throw QueryCreationException.create(method, e.getMessage());
        }
    }

    private static boolean isRelationship(Class<?> type, String name) {
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (var f : c.getDeclaredFields()) {
                if (f.getName().equals(name)) {
                    return f.isAnnotationPresent(dev.alchemy.orm.Relationship.class);
                }
            }
        }
        return false;
    }

    @Override
    public @Nullable Object execute(@Nullable Object[] parameters) {
        ParametersParameterAccessor accessor = new ParametersParameterAccessor(method.getParameters(), parameters);
        Iterator<Object> values = accessor.iterator();
        ColumnElement<Boolean> where = null;
        for (PartTree.OrPart or : tree) {
            ColumnElement<Boolean> all = null;
            for (Part part : or) {
                ColumnElement<Boolean> c = condition(type, part.getProperty(), part, values);
                all = all == null ? c : all.and(c);
            }
            if (all != null) {
                where = where == null ? all : where.or(all);
            }
        }
        Query<T> query = session.query(type);
        if (where != null) {
            query = query.filter(where);
        }
        if (tree.isDistinct()) {
            query = query.distinct();
        }
        if (!options.isEmpty()) {
            query = query.options(options.toArray(LoadOption[]::new));
        }
        if (tree.isDelete()) {
            return delete(query);
        }
        if (tree.isCountProjection()) {
            long n = query.count();
            return method.getReturnedObjectType() == int.class || method.getReturnedObjectType() == Integer.class
                    ? Math.toIntExact(n)
                    : n;
        }
        if (tree.isExistsProjection()) {
            return query.exists();
        }
        Object result = EntityQueries.run(query, type, method, accessor, tree.getSort(), tree.getMaxResults());
        return method.getResultProcessor().withDynamicProjection(accessor).processResult(result);
    }

    private @Nullable Object delete(Query<T> query) {
        if (method.isCollectionQuery()) {
            List<T> doomed = query.all(); // loaded, so cascades apply to each, as in Spring Data JPA
            for (T each : doomed) {
                session.delete(each);
            }
            return doomed;
        }
        long n = query.delete(); // one DELETE statement
        Class<?> returned = method.getReturnedObjectType();
        if (returned == int.class || returned == Integer.class) {
            return Math.toIntExact(n);
        }
        if (returned == long.class || returned == Long.class) {
            return n;
        }
        return null;
    }

    private ColumnElement<Boolean> condition(Class<?> owner, PropertyPath path, Part part, Iterator<Object> values) {
        if (path.hasNext()) {
            ColumnElement<Boolean> inner = condition(path.getType(), path.next(), part, values);
            return path.isCollection()
                    ? Related.any(owner, path.getSegment(), inner)
                    : Related.has(owner, path.getSegment(), inner);
        }
        String name = path.getSegment();
        switch (part.getType()) {
            case IS_EMPTY:
                return Related.any(owner, name, null).not();
            case IS_NOT_EMPTY:
                return Related.any(owner, name, null);
            default:
                break;
        }
        ColumnElement<Object> column = Columns.of(owner, name);
        boolean ignoreCase = switch (part.shouldIgnoreCase()) {
            case NEVER -> false;
            case ALWAYS, WHEN_POSSIBLE -> path.getType() == String.class;
        };
        String where = owner.getSimpleName() + "." + name;
        switch (part.getType()) {
            case IS_NULL:
                return column.isNull();
            case IS_NOT_NULL:
                return column.isNotNull();
            case TRUE:
                return column.eq(Boolean.TRUE);
            case FALSE:
                return column.eq(Boolean.FALSE);
            default:
                break;
        }
        Object value = values.next();
        switch (part.getType()) {
            case SIMPLE_PROPERTY:
                if (value == null) {
                    return column.isNull();
                }
                return ignoreCase ? lower(column).eq(lower(value)) : column.eq(value);
            case NEGATING_SIMPLE_PROPERTY:
                if (value == null) {
                    return column.isNotNull();
                }
                return ignoreCase ? lower(column).ne(lower(value)) : column.ne(value);
            case BETWEEN:
                return column.between(notNull(value, where), notNull(values.next(), where));
            case LESS_THAN, BEFORE:
                return column.lt(notNull(value, where));
            case LESS_THAN_EQUAL:
                return column.le(notNull(value, where));
            case GREATER_THAN, AFTER:
                return column.gt(notNull(value, where));
            case GREATER_THAN_EQUAL:
                return column.ge(notNull(value, where));
            case LIKE:
                return ignoreCase ? column.ilike(text(value, where)) : column.like(text(value, where));
            case NOT_LIKE:
                return ignoreCase ? column.notIlike(text(value, where)) : column.notLike(text(value, where));
            case STARTING_WITH:
                return ignoreCase
                        ? column.ilike(escape(text(value, where)) + "%", '/')
                        : column.startsWith(text(value, where), true);
            case ENDING_WITH:
                return ignoreCase
                        ? column.ilike("%" + escape(text(value, where)), '/')
                        : column.endsWith(text(value, where), true);
            case CONTAINING:
                return ignoreCase
                        ? column.ilike("%" + escape(text(value, where)) + "%", '/')
                        : column.contains(text(value, where), true);
            case NOT_CONTAINING:
                return ignoreCase
                        ? column.notIlike("%" + escape(text(value, where)) + "%", '/')
                        : column.contains(text(value, where), true).not();
            case IN:
                return column.in(collection(value, where));
            case NOT_IN:
                return column.notIn(collection(value, where));
            default:
                throw new InvalidDataAccessApiUsageException(
                        "Alchemy repositories do not derive " + part.getType() + " conditions (" + where + ")");
        }
    }

    private static ColumnElement<String> lower(ColumnElement<?> column) {
        return func.lower(column);
    }

    private static ColumnElement<String> lower(Object value) {
        return func.lower(literal(value));
    }

    private Object notNull(@Nullable Object value, String where) {
        if (value == null) {
            throw new InvalidDataAccessApiUsageException(method.getName() + " was given null to compare with " + where
                    + "; only equality tests take null" + " (as IS NULL)");
        }
        return value;
    }

    private String text(@Nullable Object value, String where) {
        if (!(notNull(value, where) instanceof String s)) {
            throw new InvalidDataAccessApiUsageException(
                    method.getName() + " matches " + where + " against a pattern, which needs a String, not "
                            + value.getClass().getName());
        }
        return s;
    }

    private Collection<Object> collection(@Nullable Object value, String where) {
        Object v = notNull(value, where);
        if (v instanceof Collection<?> c) {
            return new ArrayList<>(c);
        }
        if (v.getClass().isArray()) {
            return new ArrayList<>(Arrays.asList(ObjectUtils.toObjectArray(v)));
        }
        throw new InvalidDataAccessApiUsageException(method.getName() + " tests " + where
                + " IN a collection or array, not " + v.getClass().getName());
    }

    /** Escapes {@code /}, {@code %} and {@code _} with {@code /}, the escape character the pattern declares. */
    private static String escape(String value) {
        return value.replace("/", "//").replace("%", "/%").replace("_", "/_");
    }

    @Override
    public QueryMethod getQueryMethod() {
        return method;
    }
}
