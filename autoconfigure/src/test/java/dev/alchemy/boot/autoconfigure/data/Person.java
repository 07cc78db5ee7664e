package dev.alchemy.boot.autoconfigure.data;

import dev.alchemy.orm.Column;
import org.jspecify.annotations.Nullable;

/** PetClinic's person: first and last name. */
public class Person extends BaseEntity {

    @Column
    private @Nullable String firstName;

    @Column
    private @Nullable String lastName;

    public @Nullable String getFirstName() {
        return firstName;
    }

    public void setFirstName(@Nullable String firstName) {
        this.firstName = firstName;
    }

    public @Nullable String getLastName() {
        return lastName;
    }

    public void setLastName(@Nullable String lastName) {
        this.lastName = lastName;
    }
}
