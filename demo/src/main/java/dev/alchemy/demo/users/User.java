package dev.alchemy.demo.users;

import dev.alchemy.orm.Column;
import dev.alchemy.orm.Relationship;
import dev.alchemy.orm.Table;
import java.util.ArrayList;
import java.util.List;

/** A user of the seed: a name and a unique email, and the addresses it owns (deleted with it). */
@Table(name = "users")
public class User {

    @Column(primaryKey = true)
    public Integer id;

    @Column(nullable = false, length = 100)
    public String name;

    @Column(nullable = false, unique = true, length = 200)
    public String email;

    @Relationship(backPopulates = "user", cascade = "all, delete-orphan", orderBy = "id")
    public List<Address> addresses = new ArrayList<>();

    /** For Alchemy, which loads users from rows. */
    public User() {}

    /**
     * A new user.
     *
     * @param name the name
     * @param email the email address
     */
    public User(String name, String email) {
        this.name = name;
        this.email = email;
    }
}
