package dev.alchemy.orm.large;

import dev.alchemy.orm.Column;
import dev.alchemy.orm.Table;

/** A row of the million-row export ({@link OrmStreamingMemoryTest}): a key and 100 characters. */
@Table(name = "big_events")
public class Event {
    @Column(primaryKey = true)
    public Long id;

    @Column(nullable = false, length = 100)
    public String payload;
}
