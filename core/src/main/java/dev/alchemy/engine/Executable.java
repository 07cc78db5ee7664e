package dev.alchemy.engine;

/**
 * Anything a {@link Connection} can execute: text SQL ({@code Alchemy.text(...)}) and the statements of the SQL
 * expression language. The engine knows statements only through this interface.
 */
public interface Executable {

    /**
     * Compiles this statement into SQL text and parameters for a dialect.
     *
     * @param dialect the dialect of the connection that executes it
     * @return the compiled statement
     */
    CompiledStatement compile(EngineDialect dialect);

    /**
     * Compiles this statement, reusing the executing engine's {@link StatementCache} when the statement can name its
     * shape; connections call this one. The default compiles without the cache.
     *
     * @param dialect the dialect of the connection that executes it
     * @param cache the engine's cache of compiled statements
     * @return the compiled statement
     */
    default CompiledStatement compile(EngineDialect dialect, StatementCache cache) {
        return compile(dialect);
    }
}
