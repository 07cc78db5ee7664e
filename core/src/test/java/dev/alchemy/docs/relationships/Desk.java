package dev.alchemy.docs.relationships;

// The other side of the cycle ({@code docs/relationships.md}, postUpdate).
// tag::desk[]
import dev.alchemy.orm.Column;
import dev.alchemy.orm.ForeignKey;
import dev.alchemy.orm.Relationship;
import dev.alchemy.orm.Table;

@Table(name = "desks")
public class Desk {
    @Column(primaryKey = true)
    public Integer id;

    @Column(nullable = false, length = 100)
    public String label;

    @Column
    @ForeignKey("employees.id")
    public Integer ownerId;

    @Relationship(postUpdate = true)
    public Employee owner; // desks.owner_id: written by an UPDATE once both rows exist

    public Desk() {}

    public Desk(String label) {
        this.label = label;
    }
}
// end::desk[]
