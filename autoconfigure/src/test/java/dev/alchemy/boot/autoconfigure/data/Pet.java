package dev.alchemy.boot.autoconfigure.data;

import dev.alchemy.orm.Column;
import dev.alchemy.orm.ForeignKey;
import dev.alchemy.orm.Relationship;
import dev.alchemy.orm.Table;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** PetClinic's pet: a named entity that belongs to an owner. */
@Table(name = "pets")
public class Pet extends NamedEntity {

    @Column
    private @Nullable LocalDate birthDate;

    @Column
    @ForeignKey("owners.id")
    private @Nullable Integer ownerId;

    @Relationship(backPopulates = "pets")
    private @Nullable Owner owner;

    public Pet() {}

    public Pet(String name, LocalDate birthDate) {
        setName(name);
        this.birthDate = birthDate;
    }

    public @Nullable LocalDate getBirthDate() {
        return birthDate;
    }

    public void setBirthDate(@Nullable LocalDate birthDate) {
        this.birthDate = birthDate;
    }

    public @Nullable Owner getOwner() {
        return owner;
    }

    public void setOwner(@Nullable Owner owner) {
        this.owner = owner;
    }
}
