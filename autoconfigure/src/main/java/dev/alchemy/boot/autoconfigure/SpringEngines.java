package dev.alchemy.boot.autoconfigure;

import dev.alchemy.engine.Engine;
import dev.alchemy.engine.EngineDialect;
import dev.alchemy.engine.EngineOptions;
import java.util.List;
import javax.sql.DataSource;

/** Builds the auto-configured engine. */
final class SpringEngines {

    private SpringEngines() {}

    static Engine create(DataSource dataSource, AlchemyProperties properties, List<EngineCustomizer> customizers) {
        EngineDialect dialect = DialectDetector.detect(dataSource, properties.getDialect());
        EngineOptions options = EngineOptions.defaults()
                .echo(properties.isEcho())
                .hideParameters(properties.isHideParameters())
                .immediateTransactions(properties.isImmediateTransactions());
        Engine engine = Engine.create(new SpringConnectionProvider(dataSource), dialect, options, dataSource);
        customizers.forEach(customizer -> customizer.customize(engine));
        return engine;
    }
}
