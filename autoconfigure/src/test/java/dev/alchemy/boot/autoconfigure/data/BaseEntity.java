package dev.alchemy.boot.autoconfigure.data;

import dev.alchemy.orm.Column;
import org.jspecify.annotations.Nullable;

/** PetClinic's root of every entity: the key, on a superclass with no table of its own. */
public class BaseEntity {

    @Column(primaryKey = true)
    private @Nullable Integer id;

    public @Nullable Integer getId() {
        return id;
    }

    public void setId(@Nullable Integer id) {
        this.id = id;
    }

    public boolean isNew() {
        return id == null;
    }
}
