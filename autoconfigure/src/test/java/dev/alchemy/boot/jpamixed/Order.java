package dev.alchemy.boot.jpamixed;

import dev.alchemy.orm.Column;
import jakarta.persistence.Table;
import org.jspecify.annotations.Nullable;

/** Meant as an Alchemy model, but annotated with JPA's {@code @Table}. */
@Table(name = "orders")
public class Order {
    @Column(primaryKey = true)
    public @Nullable Integer id;
}
