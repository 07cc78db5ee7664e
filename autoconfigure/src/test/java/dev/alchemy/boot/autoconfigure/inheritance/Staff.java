package dev.alchemy.boot.autoconfigure.inheritance;

import dev.alchemy.orm.Column;
import dev.alchemy.orm.Polymorphic;
import dev.alchemy.orm.Table;
import dev.alchemy.orm.Version;

/** The base of a single-table hierarchy found by the starter's model scan (its subclasses have no @Table). */
@Table(name = "staff")
@Polymorphic(
        on = "kind",
        identity = "staff",
        subclasses = {Engineer.class, Lead.class})
public class Staff {
    @Column(primaryKey = true)
    public Long id;

    @Column(length = 40, nullable = false)
    public String name;

    @Column(length = 20)
    public String kind;

    @Version
    @Column
    public Integer version;

    public Staff() {}

    public Staff(String name) {
        this.name = name;
    }
}
