package dev.alchemy.data.repository.support;

import dev.alchemy.data.repository.LoadWith;
import dev.alchemy.exc.AlchemyException;
import dev.alchemy.orm.EntitySelect;
import dev.alchemy.orm.LoadOption;
import dev.alchemy.orm.Loading;
import dev.alchemy.orm.Query;
import dev.alchemy.orm.Relationship;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.data.domain.Limit;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.SliceImpl;
import org.springframework.data.domain.Sort;
import org.springframework.data.repository.query.ParameterAccessor;
import org.springframework.data.repository.query.QueryCreationException;
import org.springframework.data.repository.query.QueryMethod;
import org.springframework.data.support.PageableExecutionUtils;

/**
 * Runs a query for objects of the repository's class the way the query method's return type asks: a {@code Page}
 * (content, then the count built by Alchemy's compiler only when it is needed), a {@code Slice} (one row more than the
 * page, to know whether another follows), a list or stream, or one object.
 */
final class EntityQueries {

    private EntityQueries() {}

    /**
     * The loader options of a method's {@link LoadWith}s. A dotted path ({@code "pets.visits"}, as JPA's
     * {@code @EntityGraph(attributePaths = ...)}) becomes a chain, paths that share a start share its option, and the
     * whole is checked by the ORM when the repository is created, so a wrong name fails the start.
     */
    static List<LoadOption> loadOptions(Method method, QueryMethod queryMethod, Class<?> type) {
        Map<String, PathNode> roots = new LinkedHashMap<>();
        for (LoadWith load : AnnotatedElementUtils.findMergedRepeatableAnnotations(method, LoadWith.class)) {
            Map<String, PathNode> level = roots;
            Class<?> owner = type;
            for (String name : load.relationship().split("\\.", -1)) {
                Field field = relationshipField(owner, name);
                if (field == null) {
                    throw QueryCreationException.create(
                            queryMethod,
                            "@LoadWith(relationship = \"" + load.relationship() + "\") names " + owner.getSimpleName()
                                    + "." + name + ", which is not a relationship of " + owner.getName());
                }
                Class<?> from = owner;
                PathNode node = level.computeIfAbsent(name, n -> new PathNode(from, n));
                node.loading = load.loading();
                owner = target(field);
                level = node.next;
            }
        }
        List<LoadOption> options = new ArrayList<>();
        for (PathNode node : roots.values()) {
            options.add(node.option());
        }
        try {
            EntitySelect.of(type).options(options.toArray(LoadOption[]::new));
        } catch (AlchemyException e) {
            throw QueryCreationException.create(queryMethod, e.getMessage());
        }
        return List.copyOf(options);
    }

    /** One relationship of {@link LoadWith} paths, with the relationships after it. */
    private static final class PathNode {
        final Class<?> model;
        final String name;
        Loading loading = Loading.SELECTIN;
        final Map<String, PathNode> next = new LinkedHashMap<>();

        PathNode(Class<?> model, String name) {
            this.model = model;
            this.name = name;
        }

        LoadOption option() {
            List<LoadOption> chained = new ArrayList<>();
            for (PathNode n : next.values()) {
                chained.add(n.option());
            }
            return new LoadOption(model, name, loading, chained);
        }
    }

    private static @Nullable Field relationshipField(Class<?> type, String name) {
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                if (f.getName().equals(name)) {
                    return f.isAnnotationPresent(Relationship.class) ? f : null;
                }
            }
        }
        return null;
    }

    /** The class a relationship field holds: its type, or a collection's element type. */
    private static Class<?> target(Field field) {
        if (Collection.class.isAssignableFrom(field.getType())
                && field.getGenericType() instanceof ParameterizedType p
                && p.getActualTypeArguments()[0] instanceof Class<?> element) {
            return element;
        }
        return field.getType();
    }

    /**
     * @param filtered the query with its conditions and loader options, not yet sorted or limited
     * @param staticSort the sort of the method's name ({@code OrderByLastNameAsc}), or unsorted
     * @param maxResults {@code Top10}/{@code First}, or null
     */
    static <T> @Nullable Object run(
            Query<T> filtered,
            Class<T> type,
            QueryMethod method,
            ParameterAccessor accessor,
            Sort staticSort,
            @Nullable Integer maxResults) {
        Sort sort = staticSort.and(accessor.getSort());
        Query<T> sorted = Sorting.apply(filtered, type, sort);
        Pageable pageable = accessor.getPageable();
        if (method.isPageQuery()) {
            if (pageable.isUnpaged()) {
                return new PageImpl<>(limited(sorted, maxResults, accessor).all());
            }
            List<T> content = paged(sorted, pageable, maxResults).all();
            return PageableExecutionUtils.getPage(content, pageable, filtered::count);
        }
        if (method.isSliceQuery()) {
            if (pageable.isUnpaged()) {
                return new SliceImpl<>(limited(sorted, maxResults, accessor).all());
            }
            List<T> rows = paged(sorted, pageable, maxResults)
                    .limit(pageable.getPageSize() + 1)
                    .all();
            boolean hasNext = rows.size() > pageable.getPageSize();
            List<T> content = hasNext ? rows.subList(0, pageable.getPageSize()) : rows;
            return new SliceImpl<>(new ArrayList<>(content), pageable, hasNext);
        }
        Query<T> query =
                pageable.isPaged() ? paged(sorted, pageable, maxResults) : limited(sorted, maxResults, accessor);
        if (method.isCollectionQuery()) {
            return query.all();
        }
        if (method.isStreamQuery()) {
            return query.stream();
        }
        return maxResults != null || pageable.isPaged() ? query.first() : query.oneOrNone();
    }

    private static <T> Query<T> paged(Query<T> sorted, Pageable pageable, @Nullable Integer maxResults) {
        Query<T> page = Sorting.page(sorted, null, pageable);
        if (maxResults != null && maxResults < pageable.getPageSize()) {
            page = page.limit(maxResults);
        }
        return page;
    }

    private static <T> Query<T> limited(Query<T> sorted, @Nullable Integer maxResults, ParameterAccessor accessor) {
        Limit limit = accessor.getLimit();
        int max = Integer.MAX_VALUE;
        if (limit.isLimited()) {
            max = limit.max();
        }
        if (maxResults != null) {
            max = Math.min(max, maxResults);
        }
        return max == Integer.MAX_VALUE ? sorted : sorted.limit(max);
    }
}
