package dev.alchemy.bench.hibernate;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import org.jspecify.annotations.Nullable;

/** The address on Pg. */
@Entity(name = "Address")
@Table(name = "addresses")
public class PgAddress extends AddressEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "addresses_seq")
    @SequenceGenerator(name = "addresses_seq", sequenceName = "addresses_seq", allocationSize = 50)
    private @Nullable Integer id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "user_id")
    private PgUser user;

    /** For Hibernate. */
    public PgAddress() {}

    /** @return the id */
    public @Nullable Integer getId() {
        return id;
    }

    /** @return the user */
    public PgUser getUser() {
        return user;
    }
}
