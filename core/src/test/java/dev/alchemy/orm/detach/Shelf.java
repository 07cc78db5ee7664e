package dev.alchemy.orm.detach;

import dev.alchemy.orm.Column;
import dev.alchemy.orm.Relationship;
import dev.alchemy.orm.Table;
import java.util.ArrayList;
import java.util.List;

/** A parent whose children carry a version counter, with the default cascades. */
@Table(name = "shelves")
public class Shelf {
    @Column(primaryKey = true)
    public Long id;

    @Column(nullable = false, length = 50)
    public String name;

    @Relationship(backPopulates = "shelf")
    public List<Book> books = new ArrayList<>();

    public Shelf() {}

    public Shelf(String name) {
        this.name = name;
    }
}
