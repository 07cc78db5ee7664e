package dev.alchemy.orm.model;

import dev.alchemy.orm.Column;
import dev.alchemy.orm.Table;

/** The seed's model, exactly as DESIGN.md §3 writes it: public fields. */
@Table(name = "users")
public class User {
    @Column(primaryKey = true)
    public Integer id;

    @Column
    public String name;

    @Column
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
