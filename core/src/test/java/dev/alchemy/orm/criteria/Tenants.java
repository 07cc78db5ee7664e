package dev.alchemy.orm.criteria;

import org.jspecify.annotations.Nullable;

/** The current tenant, per thread, as a web filter would set it. */
final class Tenants {
    private static final ThreadLocal<@Nullable String> CURRENT = new ThreadLocal<>();

    private Tenants() {}

    static @Nullable String current() {
        return CURRENT.get();
    }

    static void set(@Nullable String tenant) {
        if (tenant == null) {
            CURRENT.remove();
        } else {
            CURRENT.set(tenant);
        }
    }
}
