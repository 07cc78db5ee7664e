package dev.alchemy.data.repository.support;

import dev.alchemy.Alchemy;
import dev.alchemy.data.repository.Query;
import dev.alchemy.engine.Result;
import dev.alchemy.engine.Row;
import dev.alchemy.orm.LoadOption;
import dev.alchemy.orm.Session;
import dev.alchemy.sql.TextClause;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.IncorrectResultSizeDataAccessException;
import org.springframework.data.domain.Sort;
import org.springframework.data.repository.query.Parameter;
import org.springframework.data.repository.query.ParametersParameterAccessor;
import org.springframework.data.repository.query.QueryCreationException;
import org.springframework.data.repository.query.QueryMethod;
import org.springframework.data.repository.query.RepositoryQuery;

/** A query method with {@link Query}: a condition on the repository's class, or a whole SQL statement. */
final class DeclaredAlchemyQuery<T> implements RepositoryQuery {

    private enum Kind {
        WHERE,
        ENTITIES,
        VALUES,
        WRITE
    }

    private final QueryMethod method;
    private final Session session;
    private final Class<T> type;
    private final String idAttribute;
    private final String sql;
    private final Kind kind;
    private final List<LoadOption> options;
    /** The SQL's parameter names, each with the index of the method parameter that gives its value. */
    private final Map<String, Integer> bindings = new LinkedHashMap<>();

    DeclaredAlchemyQuery(
            Method javaMethod,
            QueryMethod method,
            Query annotation,
            Session session,
            Class<T> type,
            String idAttribute) {
        this.method = method;
        this.session = session;
        this.type = type;
        this.idAttribute = idAttribute;
        boolean hasValue = !annotation.value().isBlank();
        boolean hasWhere = !annotation.where().isBlank();
        if (hasValue == hasWhere) {
            throw QueryCreationException.create(
                    method, "@Query needs either a statement (value) or a condition (where), not both or neither");
        }
        this.sql = hasValue ? annotation.value().strip() : annotation.where().strip();
        this.options = EntityQueries.loadOptions(javaMethod, method, type);
        if (hasWhere) {
            kind = Kind.WHERE;
        } else if (!isRead(sql)) {
            kind = Kind.WRITE;
            Class<?> r = method.getReturnedObjectType();
            if (!(r == void.class
                    || r == Void.class
                    || r == int.class
                    || r == Integer.class
                    || r == long.class
                    || r == Long.class)) {
                throw QueryCreationException.create(
                        method,
                        "a @Query that changes rows returns void, int or long (the row count), not " + r.getName());
            }
        } else {
            kind = method.getReturnedObjectType() == type ? Kind.ENTITIES : Kind.VALUES;
        }
        if (kind != Kind.WHERE && (method.isPageQuery() || method.isSliceQuery())) {
            throw QueryCreationException.create(
                    method,
                    "a Page or Slice needs @Query(where = ...): Alchemy then selects the objects itself and builds the"
                            + " count; a whole statement cannot be paged");
        }
        TextClause text = Alchemy.text(sql);
        for (String name : text.parameterNames()) {
            bindings.put(name, parameterIndex(name));
        }
    }

    private static boolean isRead(String sql) {
        String first = sql.split("[\\s(]+", 2)[0].toUpperCase(Locale.ROOT);
        return first.equals("SELECT") || first.equals("WITH") || first.equals("VALUES");
    }

    private int parameterIndex(String name) {
        for (Parameter p : method.getParameters().getBindableParameters()) {
            if (p.getName().filter(name::equals).isPresent()) {
                return p.getIndex();
            }
        }
        List<String> known = new ArrayList<>();
        for (Parameter p : method.getParameters().getBindableParameters()) {
            p.getName().ifPresent(known::add);
        }
        throw QueryCreationException.create(
                method,
                "@Query names :" + name + ", but the method has no parameter of that name (it has " + known
                        + "; compile with -parameters or use @Param)");
    }

    private TextClause bound(@Nullable Object[] parameters) {
        Map<String, @Nullable Object> values = new HashMap<>();
        bindings.forEach((name, index) -> values.put(name, parameters[index]));
        return Alchemy.text(sql).bind(values);
    }

    @Override
    public @Nullable Object execute(@Nullable Object[] parameters) {
        ParametersParameterAccessor accessor = new ParametersParameterAccessor(method.getParameters(), parameters);
        TextClause statement = bound(parameters);
        Object result = switch (kind) {
            case WHERE -> {
                dev.alchemy.orm.Query<T> query = session.query(type).filter(statement);
                if (!options.isEmpty()) {
                    query = query.options(options.toArray(LoadOption[]::new));
                }
                yield EntityQueries.run(query, type, method, accessor, Sort.unsorted(), null);
            }
            case WRITE -> {
                long n = session.execute(statement).rowcount();
                Class<?> r = method.getReturnedObjectType();
                yield r == int.class || r == Integer.class
                        ? (Object) Math.toIntExact(n)
                        : r == long.class || r == Long.class ? (Object) n : null;
            }
            case ENTITIES -> shape(entities(session.execute(statement)));
            case VALUES -> shape(values(session.execute(statement)));
        };
        return kind == Kind.WRITE || kind == Kind.VALUES
                ? result
                : method.getResultProcessor().withDynamicProjection(accessor).processResult(result);
    }

    private @Nullable Object shape(List<?> rows) {
        if (method.isCollectionQuery()) {
            return rows;
        }
        if (method.isStreamQuery()) {
            return rows.stream();
        }
        if (rows.size() > 1) {
            throw new IncorrectResultSizeDataAccessException(
                    method.getName() + " returns one result, but its @Query returned " + rows.size() + " rows",
                    1,
                    rows.size());
        }
        return rows.isEmpty() ? null : rows.get(0);
    }

    /** The objects of the rows' primary keys, loaded in one SELECT, in the rows' order. */
    private List<T> entities(Result result) {
        String key = Columns.name(type, idAttribute);
        List<Object> ids = new ArrayList<>();
        for (Row row : result.all()) {
            if (!row.keys().contains(key)) {
                throw new org.springframework.dao.InvalidDataAccessApiUsageException(
                        method.getName() + " returns " + type.getSimpleName() + " objects, so its @Query must select"
                                + " the primary key column " + key + "; it selected " + row.keys());
            }
            ids.add(Objects.requireNonNull(row.get(key), key));
        }
        if (ids.isEmpty()) {
            return List.of();
        }
        dev.alchemy.orm.Query<T> query =
                session.query(type).filter(Columns.of(type, idAttribute).in(ids));
        if (!options.isEmpty()) {
            query = query.options(options.toArray(LoadOption[]::new));
        }
        AlchemyEntityInformation<T, Object> info = AlchemyEntityInformation.of(type);
        Map<Object, T> byId = new HashMap<>();
        for (T each : query.all()) {
            byId.put(info.getId(each), each);
        }
        List<T> ordered = new ArrayList<>();
        for (Object id : ids) {
            T each = byId.get(id);
            if (each != null && !ordered.contains(each)) {
                ordered.add(each);
            }
        }
        return ordered;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private List<?> values(Result result) {
        Class<?> returned = method.getReturnedObjectType();
        if (returned.isRecord()) {
            return result.into((Class) returned);
        }
        if (returned == Map.class) {
            return result.all().stream().map(Row::asMap).toList();
        }
        if (returned == Row.class) {
            return result.all();
        }
        return result.scalars(org.springframework.util.ClassUtils.resolvePrimitiveIfNecessary(returned));
    }

    @Override
    public QueryMethod getQueryMethod() {
        return method;
    }
}
