package dev.alchemy.docs.orm.inheritance;

// tag::employee[]
import dev.alchemy.orm.Column;
import dev.alchemy.orm.ForeignKey;
import dev.alchemy.orm.Polymorphic;
import dev.alchemy.orm.Relationship;

@Polymorphic(identity = "employee")
public class Employee extends Person {
    @Column(length = 50)
    public String title; // a nullable column of table person

    @Column
    @ForeignKey("company.id")
    public Integer companyId;

    @Relationship(backPopulates = "employees")
    public Company company;
}
// end::employee[]
