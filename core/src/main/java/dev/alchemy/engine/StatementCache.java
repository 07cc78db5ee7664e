package dev.alchemy.engine;

import dev.alchemy.exc.ArgumentError;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.LongAdder;
import org.jspecify.annotations.Nullable;

/**
 * An engine's cache of compiled statements, SQLAlchemy's {@code create_engine(query_cache_size=500)} and JDBI's
 * statement cache: a statement that can name its shape (what it compiles to, without the values it binds) is compiled
 * once per shape and dialect, then given each execution's values. Bounded: beyond {@link #maxSize()} entries the least
 * recently used is dropped. Each {@link Engine} has its own ({@link Engine#statementCache()}), sized by
 * {@link EngineOptions#statementCacheSize(int)}; nothing is shared between engines or kept in static state.
 *
 * <pre>{@code
 * StatementCache cache = engine.statementCache();
 * log.info("statement cache: {} hits, {} misses, {}/{} entries",
 *         cache.hits(), cache.misses(), cache.size(), cache.maxSize());
 * }</pre>
 *
 * <p>The statements that name their shape are SELECTs (Core's {@code select(...)} and the ORM's queries, {@code get}s
 * and relationship loads), keyed by their structure without the values they bind, as SQLAlchemy's cache key does, and
 * INSERTs of plain values ({@code insert(t).values(rows)}, the flush's batches). A SELECT with text, a CTE or a
 * compound, UPDATE and DELETE compile each time.
 */
public final class StatementCache {

    /** The default number of entries, SQLAlchemy's {@code query_cache_size} default. */
    public static final int DEFAULT_SIZE = 500;

    private static final StatementCache NONE = new StatementCache(0);

    private final int maxSize;
    private final Map<Key, CompiledStatement> entries;
    private final LongAdder hits = new LongAdder();
    private final LongAdder misses = new LongAdder();

    private StatementCache(int maxSize) {
        this.maxSize = maxSize;
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Key, CompiledStatement> eldest) {
                return size() > StatementCache.this.maxSize;
            }
        };
    }

    /**
     * A cache of at most {@code maxSize} compiled statements; 0 caches nothing (and counts nothing).
     *
     * @param maxSize the most entries, at least 0
     * @return a new, empty cache
     * @throws ArgumentError when maxSize is negative
     */
    public static StatementCache ofSize(int maxSize) {
        if (maxSize < 0) {
            throw new ArgumentError("statementCacheSize must be 0 (no cache) or more, was " + maxSize);
        }
        return maxSize == 0 ? NONE : new StatementCache(maxSize);
    }

    /**
     * The compiled statement of a shape, counted as a hit when found and a miss when not.
     *
     * @param dialect the dialect it was compiled for
     * @param shape what the statement compiles to, compared with {@code equals}; values excluded
     * @return the compiled statement, or null
     */
    public @Nullable CompiledStatement get(EngineDialect dialect, Object shape) {
        if (maxSize == 0) {
            return null;
        }
        Key key = new Key(Objects.requireNonNull(dialect, "dialect"), Objects.requireNonNull(shape, "shape"));
        CompiledStatement found;
        synchronized (entries) {
            found = entries.get(key);
        }
        (found == null ? misses : hits).increment();
        return found;
    }

    /**
     * Keeps a compiled statement for its shape, dropping the least recently used entry beyond {@link #maxSize()}.
     *
     * @param dialect the dialect it was compiled for
     * @param shape what the statement compiles to; values excluded
     * @param statement the compiled statement, whose values later executions replace
     */
    public void put(EngineDialect dialect, Object shape, CompiledStatement statement) {
        if (maxSize == 0) {
            return;
        }
        Key key = new Key(Objects.requireNonNull(dialect, "dialect"), Objects.requireNonNull(shape, "shape"));
        Objects.requireNonNull(statement, "statement");
        synchronized (entries) {
            entries.put(key, statement);
        }
    }

    /** @return how many lookups found a compiled statement */
    public long hits() {
        return hits.sum();
    }

    /** @return how many lookups found none (the statement was compiled) */
    public long misses() {
        return misses.sum();
    }

    /** @return how many compiled statements are kept */
    public int size() {
        synchronized (entries) {
            return entries.size();
        }
    }

    /** @return the most compiled statements kept; 0 when caching is off */
    public int maxSize() {
        return maxSize;
    }

    /** Drops every entry; the counts stay. */
    public void clear() {
        synchronized (entries) {
            entries.clear();
        }
    }

    @Override
    public String toString() {
        return "StatementCache[hits=" + hits() + ", misses=" + misses() + ", size=" + size() + ", maxSize=" + maxSize
                + "]";
    }

    /** A shape for one dialect: the dialect compared by identity, as dialects are. */
    private record Key(EngineDialect dialect, Object shape) {}
}
