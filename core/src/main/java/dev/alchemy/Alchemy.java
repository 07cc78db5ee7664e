package dev.alchemy;

import dev.alchemy.engine.Engine;
import dev.alchemy.engine.EngineOptions;
import dev.alchemy.sql.TextClause;

/**
 * Alchemy's static entry points, the Java counterpart of {@code from sqlalchemy import create_engine, text, ...}.
 * Import them statically:
 *
 * <pre>{@code
 * import static dev.alchemy.Alchemy.*;
 *
 * Engine engine = createEngine("sqlite:///:memory:");
 * try (Connection conn = engine.connect()) {
 *     Result result = conn.execute(text("SELECT 'hello' AS greeting"));
 *     System.out.println(result.scalar());
 * }
 * }</pre>
 */
public final class Alchemy {

    private Alchemy() {}

    /**
     * Creates an engine, like {@code create_engine(url)}. URLs in SQLAlchemy's form ({@code sqlite:///app.db},
     * {@code sqlite:///:memory:}, {@code postgresql://user:pass@host:5432/db}) and JDBC form ({@code jdbc:sqlite:app.db})
     * are accepted. No connection is opened until the engine is first used.
     *
     * @param url the database URL
     * @return the engine
     * @throws dev.alchemy.exc.ArgumentError when the URL is malformed or names an unknown database
     * @throws dev.alchemy.exc.NoSuchModuleError when the database's JDBC driver is not on the classpath
     */
    public static Engine createEngine(String url) {
        return Engine.create(url);
    }

    /**
     * Creates an engine with options, like {@code create_engine(url, echo=True, pool_size=10)}.
     *
     * @param url the database URL
     * @param options echo, pool size, timeouts
     * @return the engine
     */
    public static Engine createEngine(String url, EngineOptions options) {
        return Engine.create(url, options);
    }

    /**
     * Literal SQL with {@code :name} parameters, like {@code text()}.
     *
     * @param sql the SQL text
     * @return the clause, executable on a connection
     */
    public static TextClause text(String sql) {
        return TextClause.of(sql);
    }
}
