package dev.alchemy.orm.writeonly;

import dev.alchemy.orm.Column;
import dev.alchemy.orm.Relationship;
import dev.alchemy.orm.Table;
import dev.alchemy.orm.WriteOnlyCollection;

/** A feed whose items have no back-reference, with the default cascades: removed items stay, without a feed. */
@Table(name = "feeds")
public class Feed {
    @Column(primaryKey = true)
    public Long id;

    @Relationship
    public WriteOnlyCollection<Item> items = new WriteOnlyCollection<>();
}
