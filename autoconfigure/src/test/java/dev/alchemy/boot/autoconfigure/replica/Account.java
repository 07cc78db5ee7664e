package dev.alchemy.boot.autoconfigure.replica;

import dev.alchemy.orm.Column;
import dev.alchemy.orm.Table;
import org.jspecify.annotations.Nullable;

/** An account, written on the primary and read from the standby. */
@Table(name = "replica_accounts")
public class Account {

    @Column(primaryKey = true)
    public @Nullable Integer id;

    @Column(nullable = false, unique = true)
    public @Nullable String name;

    public Account() {}

    public Account(String name) {
        this.name = name;
    }
}
