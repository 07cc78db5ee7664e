package dev.alchemy.boot.jpamixed;

import dev.alchemy.orm.Column;
import dev.alchemy.orm.Table;
import org.jspecify.annotations.Nullable;

/** A model. */
@Table(name = "customers")
public class Customer {
    @Column(primaryKey = true)
    public @Nullable Integer id;
}
