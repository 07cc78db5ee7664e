package dev.alchemy.orm.events;

import dev.alchemy.orm.Column;
import dev.alchemy.orm.Table;

/** The model of event_order.py. */
@Table(name = "items")
public class Item {
    @Column(primaryKey = true)
    public Integer id;

    @Column(length = 50)
    public String name;

    public Item() {}

    public Item(String name) {
        this.name = name;
    }

    public Item(Integer id, String name) {
        this.id = id;
        this.name = name;
    }
}
