package dev.alchemy.orm.roundtrips;

import dev.alchemy.orm.Column;
import dev.alchemy.orm.Relationship;
import dev.alchemy.orm.Table;
import java.util.ArrayList;
import java.util.List;

/** The README's user: public fields, a generated id, a one-to-many with back-populates, default cascades. */
@Table(name = "users")
public class User {
    @Column(primaryKey = true)
    public Long id;

    @Column(nullable = false, length = 50)
    public String name;

    @Relationship(backPopulates = "user")
    public List<Address> addresses = new ArrayList<>();

    public User() {}

    public User(String name) {
        this.name = name;
    }
}
