package dev.alchemy.boot.autoconfigure.liquibase;

import dev.alchemy.orm.Column;
import dev.alchemy.orm.Table;
import org.jspecify.annotations.Nullable;

/** A model no changeset creates: createAll does, after Liquibase. */
@Table(name = "entries")
public class Entry {

    @Column(primaryKey = true)
    public @Nullable Integer id;

    @Column
    public @Nullable String memo;
}
