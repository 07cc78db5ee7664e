package dev.alchemy.docs.orm.inheritance;

// The single-table hierarchy of docs/orm.md, "Inheritance".
// tag::person[]
import dev.alchemy.orm.Column;
import dev.alchemy.orm.Polymorphic;
import dev.alchemy.orm.Table;
import dev.alchemy.orm.Version;

@Table(name = "person")
@Polymorphic(
        on = "type",
        identity = "person",
        subclasses = {Employee.class, Manager.class})
public class Person {
    @Column(primaryKey = true)
    public Integer id;

    @Column(length = 50, nullable = false)
    public String name;

    @Column(length = 20)
    public String type; // the discriminator, set by the session on insert

    @Version
    @Column
    public Integer version;
}
// end::person[]
