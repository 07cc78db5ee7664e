package dev.alchemy.boot.test.liquibase;

import dev.alchemy.orm.Column;
import dev.alchemy.orm.Table;
import org.jspecify.annotations.Nullable;

/** A model whose table a Liquibase migration creates (with a column the model does not map). */
@Table(name = "accounts")
public class Account {

    @Column(primaryKey = true)
    public @Nullable Integer id;

    @Column
    public @Nullable String owner;
}
