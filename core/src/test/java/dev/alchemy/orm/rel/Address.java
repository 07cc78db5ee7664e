package dev.alchemy.orm.rel;

import dev.alchemy.orm.Column;
import dev.alchemy.orm.ForeignKey;
import dev.alchemy.orm.Relationship;
import dev.alchemy.orm.Table;

/** An address belongs to one person. */
@Table(name = "address")
public class Address {
    @Column(primaryKey = true)
    public Integer id;

    @Column(nullable = false, length = 100)
    public String email;

    @Column(nullable = false)
    @ForeignKey("user_account.id")
    public Integer userId;

    @Relationship(backPopulates = "addresses")
    public Person person;

    public Address() {}

    public Address(String email) {
        this.email = email;
    }

    public String getEmail() {
        return email;
    }

    public Person getPerson() {
        return person;
    }

    @Override
    public String toString() {
        return "Address(" + email + ")";
    }
}
