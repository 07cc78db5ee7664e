package dev.alchemy.bench.hibernate;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The user entity's fields; the subclass per database adds the id with the generator users get there (IDENTITY on
 * SQLite, a pooled sequence on PostgreSQL) and the addresses.
 */
@MappedSuperclass
public abstract class UserEntity {
    @Column(name = "name", nullable = false, length = 50)
    private String name;

    @Column(name = "email", nullable = false, length = 100)
    private String email;

    /** @return the id, null before the insert */
    public abstract @Nullable Integer getId();

    /** @return the addresses */
    public abstract List<? extends AddressEntity> getAddresses();

    /** @return the name */
    public String getName() {
        return name;
    }

    /** @param name the name */
    public void setName(String name) {
        this.name = name;
    }

    /** @return the email */
    public String getEmail() {
        return email;
    }

    /** @param email the email */
    public void setEmail(String email) {
        this.email = email;
    }
}
