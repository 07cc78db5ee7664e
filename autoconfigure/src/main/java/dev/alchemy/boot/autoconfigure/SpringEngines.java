package dev.alchemy.boot.autoconfigure;

import dev.alchemy.engine.Engine;
import dev.alchemy.engine.EngineDialect;
import dev.alchemy.engine.EngineOptions;
import dev.alchemy.exc.ArgumentError;
import java.util.List;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/** Builds the auto-configured engine. */
final class SpringEngines {

    private SpringEngines() {}

    static Engine create(DataSource dataSource, AlchemyProperties properties, List<EngineCustomizer> customizers) {
        return create(dataSource, properties, customizers, null);
    }

    /**
     * @param initializer prepares the connections the engine takes (SQLite: foreign keys on), or null
     */
    static Engine create(
            DataSource dataSource,
            AlchemyProperties properties,
            List<EngineCustomizer> customizers,
            @Nullable ConnectionInitializer initializer) {
        EngineDialect dialect = initializer != null
                ? initializer.dialect()
                : DialectDetector.detect(dataSource, properties.getDialect());
        Engine engine = Engine.create(
                new SpringConnectionProvider(dataSource, initializer), dialect, options(properties), dataSource);
        customizers.forEach(customizer -> customizer.customize(engine));
        return engine;
    }

    static EngineOptions options(AlchemyProperties properties) {
        int cacheSize = properties.getStatementCacheSize();
        if (cacheSize < 0) {
            throw new ArgumentError("alchemy.statement-cache-size must be 0 (no cache) or more, was " + cacheSize);
        }
        return EngineOptions.defaults()
                .echo(properties.isEcho())
                .hideParameters(properties.isHideParameters())
                .immediateTransactions(properties.isImmediateTransactions())
                .statementCacheSize(cacheSize)
                .keepStatementsPastWrappers(properties.isKeepStatementsPastWrappers());
    }
}
