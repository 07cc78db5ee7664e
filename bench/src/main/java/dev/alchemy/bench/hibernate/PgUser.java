package dev.alchemy.bench.hibernate;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The user on Pg: keys from a sequence with Hibernate's default pooled allocation of 50, what its users get on PostgreSQL. */
@Entity(name = "User")
@Table(name = "users")
public class PgUser extends UserEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "users_seq")
    @SequenceGenerator(name = "users_seq", sequenceName = "users_seq", allocationSize = 50)
    private @Nullable Integer id;

    @OneToMany(mappedBy = "user")
    private List<PgAddress> addresses = new ArrayList<>();

    /** For Hibernate. */
    public PgUser() {}

    @Override
    public @Nullable Integer getId() {
        return id;
    }

    @Override
    public List<PgAddress> getAddresses() {
        return addresses;
    }
}
