package dev.alchemy.bench.orm;

import dev.alchemy.orm.Column;
import dev.alchemy.orm.Relationship;
import dev.alchemy.orm.Table;
import java.util.ArrayList;
import java.util.List;

/** A user, mapped as the seed maps it, with its addresses (the database deletes them with the user). */
@Table(name = "users")
public class User {
    @Column(primaryKey = true)
    public Integer id;

    @Column(nullable = false, length = 50, index = true)
    public String name;

    @Column(nullable = false, length = 100)
    public String email;

    @Relationship(backPopulates = "user", passiveDeletes = true)
    public List<Address> addresses = new ArrayList<>();

    /** For the session. */
    public User() {}

    /**
     * @param name the name
     * @param email the email
     */
    public User(String name, String email) {
        this.name = name;
        this.email = email;
    }
}
