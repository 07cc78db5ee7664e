package dev.alchemy.data.repository.support;

import dev.alchemy.data.repository.LoadWith;
import dev.alchemy.orm.LoadOption;
import dev.alchemy.orm.Query;
import dev.alchemy.orm.Relationship;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
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

    /** The loader options of a method's {@link LoadWith}s, each checked against the class's relationships. */
    static List<LoadOption> loadOptions(Method method, QueryMethod queryMethod, Class<?> type) {
        List<LoadOption> options = new ArrayList<>();
        for (LoadWith load : AnnotatedElementUtils.findMergedRepeatableAnnotations(method, LoadWith.class)) {
            if (!isRelationship(type, load.relationship())) {
                throw QueryCreationException.create(
                        queryMethod,
                        "@LoadWith names " + type.getSimpleName() + "." + load.relationship()
                                + ", which is not a relationship of " + type.getName());
            }
            options.add(new LoadOption(type, load.relationship(), load.loading()));
        }
        return List.copyOf(options);
    }

    private static boolean isRelationship(Class<?> type, String name) {
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                if (f.getName().equals(name)) {
                    return f.isAnnotationPresent(Relationship.class);
                }
            }
        }
        return false;
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
