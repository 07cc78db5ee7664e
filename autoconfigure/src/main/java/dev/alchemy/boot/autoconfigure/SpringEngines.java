package dev.alchemy.boot.autoconfigure;

import dev.alchemy.engine.Engine;
import dev.alchemy.engine.EngineDialect;
import dev.alchemy.engine.EngineOptions;
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
        return EngineOptions.defaults()
                .echo(properties.isEcho())
                .hideParameters(properties.isHideParameters())
                .immediateTransactions(properties.isImmediateTransactions());
    }
}
