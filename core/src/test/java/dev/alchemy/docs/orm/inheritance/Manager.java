package dev.alchemy.docs.orm.inheritance;

// tag::manager[]
import dev.alchemy.orm.Column;
import dev.alchemy.orm.Polymorphic;

@Polymorphic(identity = "manager")
public class Manager extends Employee {
    @Column
    public int reports; // nullable in the DDL all the same: a Person row has no reports
}
// end::manager[]
