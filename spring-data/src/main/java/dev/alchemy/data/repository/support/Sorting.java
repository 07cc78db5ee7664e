package dev.alchemy.data.repository.support;

import static dev.alchemy.Alchemy.func;

import dev.alchemy.orm.Query;
import dev.alchemy.sql.ColumnElement;
import dev.alchemy.sql.OrderByElement;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.InvalidDataAccessApiUsageException;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;

/** Spring Data's {@link Sort} and {@link Pageable} as ORDER BY, LIMIT and OFFSET of a {@link Query}. */
final class Sorting {

    private Sorting() {}

    static <T> Query<T> apply(Query<T> query, Class<T> type, Sort sort) {
        if (sort.isUnsorted()) {
            return query;
        }
        return query.orderBy(orderBy(type, sort).toArray(OrderByElement[]::new));
    }

    /** LIMIT and OFFSET of a page; a query that is already sorted (type null) is not sorted again. */
    static <T> Query<T> page(Query<T> query, @Nullable Class<T> type, Pageable pageable) {
        Query<T> sorted = type == null ? query : apply(query, type, pageable.getSort());
        if (pageable.isUnpaged()) {
            return sorted;
        }
        long offset = pageable.getOffset();
        if (offset > Integer.MAX_VALUE) {
            throw new InvalidDataAccessApiUsageException(
                    "page " + pageable.getPageNumber() + " of size " + pageable.getPageSize() + " starts at row "
                            + offset + ", past the largest offset Alchemy queries take (" + Integer.MAX_VALUE + ")");
        }
        return sorted.limit(pageable.getPageSize()).offset((int) offset);
    }

    static List<OrderByElement> orderBy(Class<?> type, Sort sort) {
        List<OrderByElement> items = new ArrayList<>();
        for (Sort.Order order : sort) {
            String property = order.getProperty();
            if (property.contains(".")) {
                throw new InvalidDataAccessApiUsageException("cannot sort " + type.getSimpleName() + " by " + property
                        + ": Alchemy repositories sort by attributes of the class itself, not of related classes");
            }
            ColumnElement<?> c = Columns.of(type, property);
            if (order.isIgnoreCase()) {
                c = func.lower(c);
            }
            OrderByElement item = order.isAscending() ? c.asc() : c.desc();
            item = switch (order.getNullHandling()) {
                case NULLS_FIRST -> item.nullsFirst();
                case NULLS_LAST -> item.nullsLast();
                case NATIVE -> item;
            };
            items.add(item);
        }
        return items;
    }
}
