package dev.alchemy.docs.relationships;

// An address of one user ({@code docs/relationships.md}).
// tag::address[]
import dev.alchemy.orm.Column;
import dev.alchemy.orm.ForeignKey;
import dev.alchemy.orm.Relationship;
import dev.alchemy.orm.Table;

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
    public User user;

    public Address() {}

    public Address(String email) {
        this.email = email;
    }

    public String getEmail() {
        return email;
    }

    public User getUser() {
        return user;
    }
}
// end::address[]
