package dev.alchemy.docs.orm.inheritance;

import dev.alchemy.orm.Column;
import dev.alchemy.orm.Relationship;
import dev.alchemy.orm.Table;
import java.util.ArrayList;
import java.util.List;

/** The company of docs/orm.md's employees: a one-to-many of a subclass. */
@Table(name = "company")
public class Company {
    @Column(primaryKey = true)
    public Integer id;

    @Column(length = 50)
    public String name;

    @Relationship(backPopulates = "company")
    public List<Employee> employees = new ArrayList<>();
}
