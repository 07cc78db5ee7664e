package dev.alchemy.orm.detach;

import dev.alchemy.orm.Column;
import dev.alchemy.orm.ForeignKey;
import dev.alchemy.orm.Relationship;
import dev.alchemy.orm.Table;
import dev.alchemy.orm.Version;

/** A child with a version counter: letting it go from a deleted shelf is an UPDATE that moves the counter. */
@Table(name = "books")
public class Book {
    @Column(primaryKey = true)
    public Long id;

    @Column(nullable = false, length = 100)
    public String title;

    @Column
    @ForeignKey("shelves.id")
    public Long shelfId;

    @Version
    @Column
    public Integer version;

    @Relationship(backPopulates = "books")
    public Shelf shelf;

    public Book() {}

    public Book(String title) {
        this.title = title;
    }
}
