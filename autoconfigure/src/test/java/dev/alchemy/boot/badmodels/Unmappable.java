package dev.alchemy.boot.badmodels;

import dev.alchemy.orm.Column;
import dev.alchemy.orm.Table;
import org.jspecify.annotations.Nullable;

/** Has no primary key, so it cannot be mapped. */
@Table(name = "unmappable")
public class Unmappable {

    @Column
    public @Nullable String name;
}
