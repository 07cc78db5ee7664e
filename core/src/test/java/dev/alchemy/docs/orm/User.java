package dev.alchemy.docs.orm;

// The seed's model of {@code docs/orm.md}: public fields.
// tag::user[]
import dev.alchemy.orm.Column;
import dev.alchemy.orm.Table;

@Table(name = "users")
public class User {
    @Column(primaryKey = true)
    public Integer id;

    @Column
    public String name;

    @Column
    public String email;

    public User() {}

    public User(String name, String email) {
        this.name = name;
        this.email = email;
    }
}
// end::user[]
