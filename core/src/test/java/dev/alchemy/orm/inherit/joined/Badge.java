package dev.alchemy.orm.inherit.joined;

import dev.alchemy.orm.Column;
import dev.alchemy.orm.ForeignKey;
import dev.alchemy.orm.Relationship;
import dev.alchemy.orm.Table;

/** Has a many-to-one to the base class, which may hold any subclass. */
@Table(name = "badge")
public class Badge {
    @Column(primaryKey = true)
    public Integer id;

    @Column(length = 20)
    public String code;

    @Column
    @ForeignKey("person.id")
    public Integer personId;

    @Relationship
    public Person person;

    public Badge() {}

    public Badge(String code, Person person) {
        this.code = code;
        this.person = person;
    }
}
