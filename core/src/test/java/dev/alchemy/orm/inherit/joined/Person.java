package dev.alchemy.orm.inherit.joined;

import dev.alchemy.orm.Column;
import dev.alchemy.orm.Polymorphic;
import dev.alchemy.orm.Table;
import dev.alchemy.orm.Version;

/** The base of a joined-table hierarchy: every row in table {@code person}, with more in employee and manager. */
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
    public String type;

    @Version
    @Column
    public Integer version;

    public Person() {}

    public Person(String name) {
        this.name = name;
    }
}
