package dev.alchemy.bench.hibernate;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;

/** The address entity's fields. */
@MappedSuperclass
public abstract class AddressEntity {
    @Column(name = "email", nullable = false, length = 100)
    private String email;

    /** @return the email */
    public String getEmail() {
        return email;
    }

    /** @param email the email */
    public void setEmail(String email) {
        this.email = email;
    }
}
