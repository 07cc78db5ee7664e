package dev.alchemy.orm.inherit.joined;

import dev.alchemy.orm.Column;
import dev.alchemy.orm.ForeignKey;
import dev.alchemy.orm.Polymorphic;
import dev.alchemy.orm.Relationship;
import dev.alchemy.orm.Table;

@Table(name = "employee")
@Polymorphic(identity = "employee")
public class Employee extends Person {
    @Column(length = 50, nullable = false)
    public String title;

    @Column
    @ForeignKey("company.id")
    public Integer companyId;

    @Relationship(backPopulates = "employees")
    public Company company;

    public Employee() {}

    public Employee(String name, String title) {
        super(name);
        this.title = title;
    }
}
