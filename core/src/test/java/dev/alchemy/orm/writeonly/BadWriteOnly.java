package dev.alchemy.orm.writeonly;

import dev.alchemy.orm.Column;
import dev.alchemy.orm.Loading;
import dev.alchemy.orm.Relationship;
import dev.alchemy.orm.Table;
import dev.alchemy.orm.WriteOnlyCollection;

/** Write-only collections mapped wrong, each refused with a message that says why. */
final class BadWriteOnly {

    private BadWriteOnly() {}

    @Table(name = "eager_feeds")
    public static class Eager {
        @Column(primaryKey = true)
        public Long id;

        @Relationship(loading = Loading.SELECTIN)
        public WriteOnlyCollection<Item> items = new WriteOnlyCollection<>();
    }

    @Table(name = "cascading_feeds")
    public static class CascadingWithoutPassiveDeletes {
        @Column(primaryKey = true)
        public Long id;

        @Relationship(cascade = "all")
        public WriteOnlyCollection<Item> items = new WriteOnlyCollection<>();
    }
}
