package dev.alchemy.orm.events;

import dev.alchemy.orm.Column;
import dev.alchemy.orm.Relationship;
import dev.alchemy.orm.Table;
import java.util.ArrayList;
import java.util.List;

@Table(name = "shelves")
public class Shelf {
    @Column(primaryKey = true)
    public Integer id;

    @Column(length = 50)
    public String name;

    @Relationship(backPopulates = "shelf", cascade = "all, delete-orphan")
    public List<Jar> jars = new ArrayList<>();

    public Shelf() {}

    public Shelf(String name) {
        this.name = name;
    }
}
