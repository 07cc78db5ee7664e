package dev.alchemy.bench.startup.alchemy.model;

import dev.alchemy.orm.Column;
import dev.alchemy.orm.Relationship;
import dev.alchemy.orm.Table;
import java.util.ArrayList;
import java.util.List;

/** A user with addresses. */
@Table(name = "users")
public class User {
    @Column(primaryKey = true)
    public Integer id;

    @Column(nullable = false, length = 50, index = true)
    public String name;

    @Column(nullable = false, length = 100)
    public String email;

    @Relationship(backPopulates = "user", cascade = "all, delete-orphan")
    public List<Address> addresses = new ArrayList<>();
}
