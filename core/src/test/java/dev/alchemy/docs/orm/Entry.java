package dev.alchemy.docs.orm;

import dev.alchemy.orm.Column;
import dev.alchemy.orm.ForeignKey;
import dev.alchemy.orm.Relationship;
import dev.alchemy.orm.Table;

/** A ledger entry of an {@link Account}, in the section "Large results" of {@code docs/orm.md}. */
@Table(name = "entries")
public class Entry {
    @Column(primaryKey = true)
    public Long id;

    @Column
    public Integer amount;

    @Column
    @ForeignKey(value = "accounts.id", onDelete = "CASCADE")
    public Long accountId;

    @Relationship(backPopulates = "entries")
    public Account account;

    public Entry() {}

    public Entry(int amount) {
        this.amount = amount;
    }
}
