package dev.alchemy.orm.model;

import dev.alchemy.orm.Column;
import dev.alchemy.orm.Table;

/**
 * The seed's model (DESIGN.md §3: public fields), with a length on each string as MySQL and MariaDB need;
 * {@code SeedTest} also keeps the seed's exact model, without lengths.
 */
@Table(name = "users")
public class User {
    @Column(primaryKey = true)
    public Integer id;

    @Column(length = 100)
    public String name;

    @Column(length = 100)
    public String email;

    public User() {}

    public User(String name, String email) {
        this.name = name;
        this.email = email;
    }

    @Override
    public String toString() {
        return "User(id=" + id + ", name='" + name + "', email='" + email + "')";
    }
}
