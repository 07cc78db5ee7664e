package dev.alchemy.boot.autoconfigure.session;

import dev.alchemy.orm.Column;
import dev.alchemy.orm.Table;
import dev.alchemy.orm.Version;
import org.jspecify.annotations.Nullable;

/** A user with a unique email and a version counter. */
@Table(name = "users")
public class User {

    @Column(primaryKey = true)
    public @Nullable Integer id;

    @Column(nullable = false, length = 100) // a length, as MySQL and MariaDB need for a VARCHAR
    public @Nullable String name;

    @Column(nullable = false, unique = true, length = 100)
    public @Nullable String email;

    @Version
    @Column
    public @Nullable Integer version;

    public User() {}

    public User(String name, String email) {
        this.name = name;
        this.email = email;
    }
}
