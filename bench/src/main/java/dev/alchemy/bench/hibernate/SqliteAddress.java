package dev.alchemy.bench.hibernate;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.jspecify.annotations.Nullable;

/** The address on Sqlite. */
@Entity(name = "Address")
@Table(name = "addresses")
public class SqliteAddress extends AddressEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Integer id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "user_id")
    private SqliteUser user;

    /** For Hibernate. */
    public SqliteAddress() {}

    /** @return the id */
    public @Nullable Integer getId() {
        return id;
    }

    /** @return the user */
    public SqliteUser getUser() {
        return user;
    }
}
