package dev.alchemy.orm.clinic;

import dev.alchemy.orm.Column;
import org.jspecify.annotations.Nullable;

/** Not mapped itself: the id every clinic class inherits, as PetClinic's {@code @MappedSuperclass}. */
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
