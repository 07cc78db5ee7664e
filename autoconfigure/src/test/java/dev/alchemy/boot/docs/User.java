package dev.alchemy.boot.docs;

// tag::model[]
import dev.alchemy.orm.Column;
import dev.alchemy.orm.Table;

@Table(name = "users")
public class User {
    @Column(primaryKey = true)
    public Integer id;

    @Column(nullable = false)
    public String name;

    @Column(nullable = false, unique = true)
    public String email;

    public User() {}

    public User(String name, String email) {
        this.name = name;
        this.email = email;
    }
}
// end::model[]
