package dev.alchemy.orm.writeonly;

import dev.alchemy.orm.Column;
import dev.alchemy.orm.ForeignKey;
import dev.alchemy.orm.Table;

/** An item of a {@link Feed}: only the foreign key. */
@Table(name = "items")
public class Item {
    @Column(primaryKey = true)
    public Long id;

    @Column(length = 50)
    public String title;

    @Column
    @ForeignKey("feeds.id")
    public Long feedId;

    public Item() {}

    public Item(String title) {
        this.title = title;
    }
}
