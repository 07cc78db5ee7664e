package dev.alchemy.orm.inherit.selectin;

import dev.alchemy.orm.Column;
import dev.alchemy.orm.ForeignKey;
import dev.alchemy.orm.Polymorphic;
import dev.alchemy.orm.Relationship;
import dev.alchemy.orm.Table;
import dev.alchemy.orm.Version;

/** The base of a joined-table hierarchy whose Engineer branch loads by selectin and whose Clerk joins. */
@Table(name = "staff")
@Polymorphic(
        on = "kind",
        identity = "staff",
        subclasses = {Engineer.class, Lead.class, Clerk.class})
public class Staff {
    @Column(primaryKey = true)
    public Integer id;

    @Column(length = 50, nullable = false)
    public String name;

    @Column(length = 20)
    public String kind;

    @Version
    @Column
    public Integer version;

    @Column
    @ForeignKey("team.id")
    public Integer teamId;

    @Relationship(backPopulates = "members")
    public Team team;

    public Staff() {}

    public Staff(String name) {
        this.name = name;
    }
}
