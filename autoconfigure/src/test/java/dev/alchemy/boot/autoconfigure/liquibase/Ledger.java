package dev.alchemy.boot.autoconfigure.liquibase;

import dev.alchemy.orm.Column;
import dev.alchemy.orm.Table;
import org.jspecify.annotations.Nullable;

/** A model whose table a Liquibase changeset creates (with a column the model does not map). */
@Table(name = "ledgers")
public class Ledger {

    @Column(primaryKey = true)
    public @Nullable Integer id;

    @Column
    public @Nullable String title;
}
