package dev.alchemy.orm.events;

import dev.alchemy.orm.Column;
import dev.alchemy.orm.ForeignKey;
import dev.alchemy.orm.Relationship;
import dev.alchemy.orm.Table;

@Table(name = "jars")
public class Jar {
    @Column(primaryKey = true)
    public Integer id;

    @Column(length = 50)
    public String label;

    @Column
    @ForeignKey("shelves.id")
    public Integer shelfId;

    @Relationship(backPopulates = "jars")
    public Shelf shelf;

    public Jar() {}

    public Jar(String label) {
        this.label = label;
    }
}
