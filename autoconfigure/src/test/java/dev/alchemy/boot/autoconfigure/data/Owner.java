package dev.alchemy.boot.autoconfigure.data;

import dev.alchemy.orm.Column;
import dev.alchemy.orm.Relationship;
import dev.alchemy.orm.Table;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** PetClinic's owner: a person with an address and pets. */
@Table(name = "owners")
public class Owner extends Person {

    @Column
    private @Nullable String address;

    @Column
    private @Nullable String city;

    @Column
    private @Nullable String telephone;

    @Relationship(backPopulates = "owner", cascade = "all, delete-orphan", orderBy = "name")
    private List<Pet> pets = new ArrayList<>();

    public Owner() {}

    public Owner(String firstName, String lastName, String city, @Nullable String telephone) {
        setFirstName(firstName);
        setLastName(lastName);
        this.city = city;
        this.telephone = telephone;
        this.address = "1 Main Street";
    }

    public @Nullable String getAddress() {
        return address;
    }

    public void setAddress(@Nullable String address) {
        this.address = address;
    }

    public @Nullable String getCity() {
        return city;
    }

    public void setCity(@Nullable String city) {
        this.city = city;
    }

    public @Nullable String getTelephone() {
        return telephone;
    }

    public void setTelephone(@Nullable String telephone) {
        this.telephone = telephone;
    }

    public List<Pet> getPets() {
        return pets;
    }

    public void addPet(Pet pet) {
        pets.add(pet);
        pet.setOwner(this);
    }

    @Override
    public String toString() {
        return "Owner " + getFirstName() + " " + getLastName();
    }
}
