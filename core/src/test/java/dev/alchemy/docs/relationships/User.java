package dev.alchemy.docs.relationships;

// SQLAlchemy's ORM quick start: a user with addresses ({@code docs/relationships.md}).
// tag::user[]
import dev.alchemy.orm.Column;
import dev.alchemy.orm.Relationship;
import dev.alchemy.orm.Table;
import java.util.ArrayList;
import java.util.List;

@Table(name = "user_account")
public class User {
    @Column(primaryKey = true)
    public Integer id;

    @Column(nullable = false, length = 30)
    public String name;

    @Relationship(backPopulates = "user", cascade = "all, delete-orphan", orderBy = "email")
    public List<Address> addresses = new ArrayList<>();

    public User() {}

    public User(String name) {
        this.name = name;
    }

    public List<Address> getAddresses() {
        return addresses;
    }
}
// end::user[]
