package dev.alchemy.boot.autoconfigure.data;

import dev.alchemy.orm.Column;
import org.jspecify.annotations.Nullable;

/** PetClinic's entity with a name. */
public class NamedEntity extends BaseEntity {

    @Column
    private @Nullable String name;

    public @Nullable String getName() {
        return name;
    }

    public void setName(@Nullable String name) {
        this.name = name;
    }
}
