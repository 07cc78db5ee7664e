package dev.alchemy.boot.autoconfigure;

import dev.alchemy.engine.Engine;

/**
 * Called with the auto-configured {@link Engine} before it is used, in {@link org.springframework.core.Ordered}
 * order; for example to add a {@link dev.alchemy.engine.StatementListener} that counts statements.
 *
 * <pre>{@code
 * @Bean
 * EngineCustomizer countStatements(MeterRegistry registry) {
 *     return engine -> engine.addStatementListener(event -> registry.counter("alchemy.statements").increment());
 * }
 * }</pre>
 */
@FunctionalInterface
public interface EngineCustomizer {

    /**
     * Customizes the engine.
     *
     * @param engine the engine, not yet used
     */
    void customize(Engine engine);
}
