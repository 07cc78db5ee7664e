package dev.alchemy.boot.jpamistake;

import dev.alchemy.orm.Column;
import jakarta.persistence.Table;
import org.jspecify.annotations.Nullable;

/** Meant as an Alchemy model, but the IDE imported JPA's {@code @Table}. */
@Table(name = "invoices")
public class Invoice {
    @Column(primaryKey = true)
    public @Nullable Integer id;
}
