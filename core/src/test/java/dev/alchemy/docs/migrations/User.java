package dev.alchemy.docs.migrations;

import dev.alchemy.orm.Column;
import dev.alchemy.orm.Table;

/** The model of {@code docs/migrations.md}, after the change: {@code phone} is new, {@code email} now unique. */
@Table(name = "users")
public class User {
    @Column(primaryKey = true)
    public Integer id;

    @Column(length = 50, nullable = false)
    public String name;

    @Column(length = 100, unique = true)
    public String email;

    @Column(length = 20)
    public String phone;
}
