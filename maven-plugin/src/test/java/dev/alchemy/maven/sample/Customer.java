package dev.alchemy.maven.sample;

import dev.alchemy.orm.Column;
import dev.alchemy.orm.Table;
import org.jspecify.annotations.Nullable;

/** A project's model after a change: {@code phone} is new. */
@Table(name = "customers")
public class Customer {

    @Column(primaryKey = true)
    public @Nullable Integer id;

    @Column(length = 50, nullable = false)
    public @Nullable String name;

    @Column(length = 20)
    public @Nullable String phone;
}
