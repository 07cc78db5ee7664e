package dev.alchemy.bench.hibernate;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The user on Sqlite: IDENTITY keys, what Hibernate users get on SQLite. */
@Entity(name = "User")
@Table(name = "users")
public class SqliteUser extends UserEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Integer id;

    @OneToMany(mappedBy = "user")
    private List<SqliteAddress> addresses = new ArrayList<>();

    /** For Hibernate. */
    public SqliteUser() {}

    @Override
    public @Nullable Integer getId() {
        return id;
    }

    @Override
    public List<SqliteAddress> getAddresses() {
        return addresses;
    }
}
