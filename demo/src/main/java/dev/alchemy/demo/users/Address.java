package dev.alchemy.demo.users;

import dev.alchemy.orm.Column;
import dev.alchemy.orm.ForeignKey;
import dev.alchemy.orm.Relationship;
import dev.alchemy.orm.Table;

/** A postal address of one user. */
@Table(name = "addresses")
public class Address {

    @Column(primaryKey = true)
    public Integer id;

    @Column(nullable = false)
    @ForeignKey("users.id")
    public Integer userId;

    @Column(nullable = false, length = 200)
    public String street;

    @Column(nullable = false, length = 100)
    public String city;

    @Relationship(backPopulates = "addresses")
    public User user;

    /** For Alchemy, which loads addresses from rows. */
    public Address() {}

    /**
     * A new address.
     *
     * @param street the street and number
     * @param city the city
     */
    public Address(String street, String city) {
        this.street = street;
        this.city = city;
    }
}
