package dev.alchemy.bench;

/**
 * How much each workload does.
 *
 * @param users users in the table for W1 (inserted), W2 (loaded), W3, W4 and W5 (present)
 * @param lookups W3: primary-key lookups, each in a fresh session
 * @param updates W4: users loaded, changed and committed
 * @param queries W5: queries by name
 * @param withAddresses W6: users loaded with their addresses
 * @param addressesPerUser W6: addresses of each user
 * @param deletes W7: users loaded and deleted
 */
public record Sizes(
        int users, int lookups, int updates, int queries, int withAddresses, int addressesPerUser, int deletes) {

    /** The sizes of the issue: W1 20,000 ... W7 5,000. */
    public static final Sizes FULL = new Sizes(20_000, 10_000, 5_000, 1_000, 1_000, 5, 5_000);

    /** Tiny sizes for the smoke test that runs in {@code mvn verify}. */
    public static final Sizes TINY = new Sizes(60, 20, 10, 10, 8, 5, 12);

    /**
     * @param name {@code full} or {@code tiny}
     * @return the sizes
     */
    public static Sizes named(String name) {
        return switch (name) {
            case "full" -> FULL;
            case "tiny" -> TINY;
            default -> throw new IllegalArgumentException("sizes are 'full' or 'tiny', not " + name);
        };
    }
}
