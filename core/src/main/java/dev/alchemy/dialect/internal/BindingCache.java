package dev.alchemy.dialect.internal;

import dev.alchemy.engine.ValueBinder;
import dev.alchemy.engine.ValueReader;
import dev.alchemy.types.SqlType;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * A dialect's binders and readers, resolved once per type (types are value records, so equal types share one) and
 * then reused for every statement and row. The cache stops growing at a fixed size: past it, binders are resolved
 * per call, which is still correct, only slower (it protects against types made afresh for every statement).
 */
public final class BindingCache {

    private static final int MAX_SIZE = 2048;

    private final Map<SqlType<?>, ValueBinder> binders = new ConcurrentHashMap<>();
    private final Map<SqlType<?>, ValueReader> readers = new ConcurrentHashMap<>();
    private final Function<SqlType<?>, ValueBinder> binderFactory;
    private final Function<SqlType<?>, ValueReader> readerFactory;

    /**
     * @param binderFactory resolves a type's binder; may call the cache again for a converted type's stored type
     * @param readerFactory resolves a type's reader; likewise
     */
    public BindingCache(
            Function<SqlType<?>, ValueBinder> binderFactory, Function<SqlType<?>, ValueReader> readerFactory) {
        this.binderFactory = binderFactory;
        this.readerFactory = readerFactory;
    }

    /**
     * @param type a type
     * @return its binder
     */
    public ValueBinder binder(SqlType<?> type) {
        return resolve(binders, type, binderFactory);
    }

    /**
     * @param type a type
     * @return its reader
     */
    public ValueReader reader(SqlType<?> type) {
        return resolve(readers, type, readerFactory);
    }

    // not computeIfAbsent: a factory resolves a converted type's stored type through this cache, and
    // ConcurrentHashMap forbids recursive updates; two threads resolving one type at once build it twice, harmlessly
    private static <V> V resolve(Map<SqlType<?>, V> cache, SqlType<?> type, Function<SqlType<?>, V> factory) {
        V value = cache.get(type);
        if (value == null) {
            value = factory.apply(type);
            if (cache.size() < MAX_SIZE) {
                V previous = cache.putIfAbsent(type, value);
                if (previous != null) {
                    value = previous;
                }
            }
        }
        return value;
    }
}
