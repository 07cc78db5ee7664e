package dev.alchemy.docs.orm;

import dev.alchemy.orm.Column;
import dev.alchemy.orm.Table;

/** The rows exported in the section "Large results" of {@code docs/orm.md}. */
@Table(name = "events")
public class Event {
    @Column(primaryKey = true)
    public Long id;

    @Column
    public String payload;

    public Event() {}

    public Event(String payload) {
        this.payload = payload;
    }
}
