package dev.alchemy.orm;

import java.util.Objects;

/**
 * How one relationship loads in one query; made by {@link Load}.
 *
 * @param model the class that has the relationship
 * @param relationship the relationship's field name
 * @param loading how it loads
 */
public record LoadOption(Class<?> model, String relationship, Loading loading) {

    /** Checks the arguments. */
    public LoadOption {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(relationship, "relationship");
        Objects.requireNonNull(loading, "loading");
    }
}
