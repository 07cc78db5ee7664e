package dev.alchemy.boot.autoconfigure;

import dev.alchemy.orm.SessionFactory;

/**
 * Adjusts the auto-configured {@link SessionFactory}, in {@link org.springframework.core.Ordered} order. A
 * {@code SessionFactory} is immutable, so a customizer returns the factory to use: the one it was given, or one
 * made from it with its {@code with...} methods.
 *
 * <pre>{@code
 * @Bean
 * SessionFactoryCustomizer noExpiry() {
 *     return sessionFactory -> sessionFactory.withExpireOnCommit(false);
 * }
 * }</pre>
 */
@FunctionalInterface
public interface SessionFactoryCustomizer {

    /**
     * Customizes the session factory.
     *
     * @param sessionFactory the factory as configured so far
     * @return the factory to use
     */
    SessionFactory customize(SessionFactory sessionFactory);
}
