package dev.alchemy.orm.clinic;

import dev.alchemy.orm.Column;
import dev.alchemy.orm.Relationship;
import dev.alchemy.orm.Table;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** An owner of pets. */
@Table(name = "owners")
public class Owner extends Person {
    @Column(length = 255)
    private @Nullable String city;

    @Relationship(backPopulates = "owner", cascade = "all, delete-orphan")
    private List<Pet> pets = new ArrayList<>();

    public @Nullable String getCity() {
        return city;
    }

    public void setCity(@Nullable String city) {
        this.city = city;
    }

    public List<Pet> getPets() {
        return pets;
    }

    public void addPet(Pet pet) {
        pets.add(pet);
        pet.setOwner(this);
    }
}
