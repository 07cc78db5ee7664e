package dev.alchemy.boot.autoconfigure;

import dev.alchemy.orm.Base;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The application's model classes (annotated with {@code @dev.alchemy.orm.Table}) as a {@link Base}, and where they
 * were looked for. The auto-configuration scans for them at start-up; define a bean of your own to choose them
 * yourself:
 *
 * <pre>{@code
 * @Bean
 * AlchemyModels alchemyModels() {
 *     return AlchemyModels.of(Base.of(User.class, Address.class));
 * }
 * }</pre>
 */
public final class AlchemyModels {

    private final @Nullable Base base;
    private final List<String> packages;

    private AlchemyModels(@Nullable Base base, List<String> packages) {
        this.base = base;
        this.packages = List.copyOf(packages);
    }

    /**
     * The models of a Base.
     *
     * @param base the Base
     * @return the models
     */
    public static AlchemyModels of(Base base) {
        return new AlchemyModels(Objects.requireNonNull(base, "base"), List.of());
    }

    /**
     * The models of a Base that were found by scanning packages.
     *
     * @param base the Base
     * @param packages the packages that were scanned
     * @return the models
     */
    public static AlchemyModels of(Base base, List<String> packages) {
        return new AlchemyModels(Objects.requireNonNull(base, "base"), Objects.requireNonNull(packages, "packages"));
    }

    /**
     * No models: scanning these packages found none (an application that uses only the engine and the SQL
     * expression language).
     *
     * @param packages the packages that were scanned
     * @return no models
     */
    public static AlchemyModels none(List<String> packages) {
        return new AlchemyModels(null, Objects.requireNonNull(packages, "packages"));
    }

    /** @return the Base of the models, empty when there are none */
    public Optional<Base> base() {
        return Optional.ofNullable(base);
    }

    /** @return the model classes, in the Base's order */
    public List<Class<?>> models() {
        return base != null ? base.models() : List.of();
    }

    /** @return the packages that were scanned, empty when the models were given rather than found */
    public List<String> packages() {
        return packages;
    }

    @Override
    public String toString() {
        return "AlchemyModels" + models().stream().map(Class::getSimpleName).toList()
                + (packages.isEmpty() ? "" : " from " + packages);
    }
}
