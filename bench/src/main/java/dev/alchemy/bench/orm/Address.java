package dev.alchemy.bench.orm;

import dev.alchemy.orm.Column;
import dev.alchemy.orm.ForeignKey;
import dev.alchemy.orm.Relationship;
import dev.alchemy.orm.Table;

/** An address of one user. */
@Table(name = "addresses")
public class Address {
    @Column(primaryKey = true)
    public Integer id;

    @Column(nullable = false)
    @ForeignKey(value = "users.id", onDelete = "CASCADE")
    public Integer userId;

    @Column(nullable = false, length = 100)
    public String email;

    @Relationship(backPopulates = "addresses")
    public User user;

    /** For the session. */
    public Address() {}
}
