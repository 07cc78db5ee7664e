package dev.alchemy.boot.test.liquibase;

import dev.alchemy.orm.Column;
import dev.alchemy.orm.ForeignKey;
import dev.alchemy.orm.Table;
import org.jspecify.annotations.Nullable;

/** A model whose table only {@code createAll} creates, referring to the migrated table. */
@Table(name = "tags")
public class Tag {

    @Column(primaryKey = true)
    public @Nullable Integer id;

    @Column
    @ForeignKey("accounts.id")
    public @Nullable Integer accountId;

    @Column
    public @Nullable String label;
}
