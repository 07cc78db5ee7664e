package dev.alchemy.engine.internal;

import dev.alchemy.engine.EngineDialect;
import dev.alchemy.engine.URL;
import dev.alchemy.exc.ArgumentError;
import java.util.List;
import java.util.ServiceLoader;
import java.util.stream.Collectors;

/** Finds dialects registered with {@link ServiceLoader}. */
public final class Dialects {

    private static final List<EngineDialect> ALL =
            ServiceLoader.load(EngineDialect.class, Dialects.class.getClassLoader()).stream()
                    .map(ServiceLoader.Provider::get)
                    .toList();

    private Dialects() {}

    /**
     * @param url a parsed URL
     * @return the dialect for its backend
     * @throws ArgumentError naming the known dialects when none matches
     */
    public static EngineDialect forUrl(URL url) {
        for (EngineDialect dialect : ALL) {
            if (dialect.name().equals(url.backendName())) {
                return dialect;
            }
        }
        throw new ArgumentError("unknown dialect '" + url.backendName() + "' in '" + url + "'; known: " + names());
    }

    /**
     * @param productName what {@code DatabaseMetaData.getDatabaseProductName()} reported
     * @return the dialect for that database
     * @throws ArgumentError when no dialect handles it
     */
    public static EngineDialect forProduct(String productName) {
        for (EngineDialect dialect : ALL) {
            if (dialect.handlesProduct(productName)) {
                return dialect;
            }
        }
        throw new ArgumentError("no dialect for database '" + productName + "'; known: " + names());
    }

    /** @return the names of the known dialects, comma-separated */
    public static String names() {
        return ALL.stream().map(EngineDialect::name).collect(Collectors.joining(", "));
    }
}
