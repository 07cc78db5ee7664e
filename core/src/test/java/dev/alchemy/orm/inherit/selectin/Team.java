package dev.alchemy.orm.inherit.selectin;

import dev.alchemy.orm.Column;
import dev.alchemy.orm.Relationship;
import dev.alchemy.orm.Table;
import java.util.ArrayList;
import java.util.List;

/** Has a one-to-many of the hierarchy's base: members of every class. */
@Table(name = "team")
public class Team {
    @Column(primaryKey = true)
    public Integer id;

    @Column(length = 50)
    public String name;

    @Relationship(backPopulates = "team", orderBy = "id")
    public List<Staff> members = new ArrayList<>();

    public Team() {}

    public Team(String name) {
        this.name = name;
    }
}
