package dev.alchemy.dialect;

import dev.alchemy.engine.Engine;
import dev.alchemy.engine.EngineDialect;
import dev.alchemy.exc.ArgumentError;

/**
 * A database dialect: the engine-level behaviour of {@link EngineDialect} plus what the SQL compiler and DDL need
 * to know about one database. Everything that differs between databases lives behind this interface, in
 * {@code dev.alchemy.dialect.<name>}.
 */
public interface Dialect extends EngineDialect {

    /**
     * The SQL dialect of an engine.
     *
     * @param engine the engine
     * @return its dialect
     * @throws ArgumentError when the engine's dialect has no SQL support
     */
    static Dialect of(Engine engine) {
        return of(engine.dialect());
    }

    /**
     * The SQL dialect behind an engine dialect.
     *
     * @param dialect the engine dialect
     * @return it, as a SQL dialect
     * @throws ArgumentError when it has no SQL support
     */
    static Dialect of(EngineDialect dialect) {
        if (dialect instanceof Dialect d) {
            return d;
        }
        throw new ArgumentError("dialect '" + dialect.name() + "' has no SQL compiler");
    }

    /**
     * Quotes an identifier when it needs quoting (a reserved word, upper case, spaces), as SQLAlchemy does.
     *
     * @param identifier a table, column or constraint name
     * @return the identifier, quoted when needed
     */
    String quoteIdentifier(String identifier);
}
