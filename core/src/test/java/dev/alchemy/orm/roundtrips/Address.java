package dev.alchemy.orm.roundtrips;

import dev.alchemy.orm.Column;
import dev.alchemy.orm.ForeignKey;
import dev.alchemy.orm.Relationship;
import dev.alchemy.orm.Table;

/** An address of one user. */
@Table(name = "addresses")
public class Address {
    @Column(primaryKey = true)
    public Long id;

    @Column(nullable = false, length = 100)
    public String email;

    @Column
    @ForeignKey("users.id")
    public Long userId;

    @Relationship(backPopulates = "addresses")
    public User user;

    public Address() {}

    public Address(String email) {
        this.email = email;
    }
}
