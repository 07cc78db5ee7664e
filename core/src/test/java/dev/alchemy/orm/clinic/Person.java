package dev.alchemy.orm.clinic;

import dev.alchemy.orm.Column;
import org.jspecify.annotations.Nullable;

/** Not mapped itself: first and last name. */
public class Person extends BaseEntity {
    @Column(length = 30)
    private @Nullable String firstName;

    @Column(length = 30)
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
