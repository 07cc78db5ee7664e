package dev.alchemy.boot.autoconfigure.reliability;

import dev.alchemy.orm.Column;
import dev.alchemy.orm.Table;
import org.jspecify.annotations.Nullable;

/** A counter without a version column: a read-modify-write of it is safe only under a lock. */
@Table(name = "counters")
public class Counter {
    @Column(primaryKey = true)
    public @Nullable Integer id;

    @Column(nullable = false)
    public @Nullable Integer hits;

    public Counter() {}

    public Counter(int hits) {
        this.hits = hits;
    }
}
