package dev.alchemy.docs.relationships;

// A foreign key each way between two tables ({@code docs/relationships.md}, postUpdate).
// tag::employee[]
import dev.alchemy.orm.Column;
import dev.alchemy.orm.ForeignKey;
import dev.alchemy.orm.Relationship;
import dev.alchemy.orm.Table;

@Table(name = "employees")
public class Employee {
    @Column(primaryKey = true)
    public Integer id;

    @Column(nullable = false, length = 100)
    public String name;

    @Column
    @ForeignKey("desks.id")
    public Integer deskId;

    @Relationship
    public Desk desk; // employees.desk_id: written in the employee's INSERT

    public Employee() {}

    public Employee(String name) {
        this.name = name;
    }
}
// end::employee[]
