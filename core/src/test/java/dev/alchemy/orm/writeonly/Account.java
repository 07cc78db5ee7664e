package dev.alchemy.orm.writeonly;

import dev.alchemy.orm.Column;
import dev.alchemy.orm.Relationship;
import dev.alchemy.orm.Table;
import dev.alchemy.orm.WriteOnlyCollection;

/** An account whose ledger entries are too many to load: a write-only collection, deleted with the account. */
@Table(name = "accounts")
public class Account {
    @Column(primaryKey = true)
    public Long id;

    @Column(nullable = false, length = 50)
    public String name;

    @Relationship(backPopulates = "account", cascade = "all, delete-orphan", passiveDeletes = true)
    public WriteOnlyCollection<Entry> entries = new WriteOnlyCollection<>();

    public Account() {}

    public Account(String name) {
        this.name = name;
    }
}
