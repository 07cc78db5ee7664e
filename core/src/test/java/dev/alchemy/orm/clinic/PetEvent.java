package dev.alchemy.orm.clinic;

import dev.alchemy.orm.Column;
import dev.alchemy.orm.ForeignKey;
import dev.alchemy.orm.Relationship;
import org.jspecify.annotations.Nullable;

/** Not mapped itself: something that happened to a pet, with the many-to-one to it (a relationship inherited). */
public class PetEvent extends BaseEntity {
    @Column
    @ForeignKey("pets.id")
    private @Nullable Integer petId;

    @Relationship(backPopulates = "visits")
    private @Nullable Pet pet;

    public @Nullable Pet getPet() {
        return pet;
    }

    public void setPet(@Nullable Pet pet) {
        this.pet = pet;
    }
}
