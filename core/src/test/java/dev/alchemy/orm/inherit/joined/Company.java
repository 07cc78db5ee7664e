package dev.alchemy.orm.inherit.joined;

import dev.alchemy.orm.Column;
import dev.alchemy.orm.Relationship;
import dev.alchemy.orm.Table;
import java.util.ArrayList;
import java.util.List;

/** Has a one-to-many of a subclass: its employees (managers among them). */
@Table(name = "company")
public class Company {
    @Column(primaryKey = true)
    public Integer id;

    @Column(length = 50)
    public String name;

    @Relationship(backPopulates = "company")
    public List<Employee> employees = new ArrayList<>();

    public Company() {}

    public Company(String name) {
        this.name = name;
    }
}
