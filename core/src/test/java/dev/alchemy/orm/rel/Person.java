package dev.alchemy.orm.rel;

import dev.alchemy.orm.Column;
import dev.alchemy.orm.Relationship;
import dev.alchemy.orm.Table;
import java.util.ArrayList;
import java.util.List;

/** SQLAlchemy's ORM quick start: a user with addresses. */
@Table(name = "user_account")
public class Person {
    @Column(primaryKey = true)
    public Integer id;

    @Column(nullable = false, length = 30)
    public String name;

    @Relationship(backPopulates = "person", cascade = "all, delete-orphan", orderBy = "email")
    public List<Address> addresses = new ArrayList<>();

    public Person() {}

    public Person(String name, String... emails) {
        this.name = name;
        for (String e : emails) {
            addresses.add(new Address(e));
        }
    }

    public List<Address> getAddresses() {
        return addresses;
    }

    @Override
    public String toString() {
        return "Person(" + name + ")";
    }
}
