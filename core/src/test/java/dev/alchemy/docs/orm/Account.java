package dev.alchemy.docs.orm;

import dev.alchemy.orm.Column;
import dev.alchemy.orm.Relationship;
import dev.alchemy.orm.Table;
import dev.alchemy.orm.WriteOnlyCollection;

// The write-only collection of the section "Large results" of {@code docs/orm.md}.
// tag::account[]
@Table(name = "accounts")
public class Account {
    @Column(primaryKey = true)
    public Long id;

    @Relationship(backPopulates = "account", cascade = "all, delete-orphan", passiveDeletes = true)
    public WriteOnlyCollection<Entry> entries = new WriteOnlyCollection<>();
}
// end::account[]
