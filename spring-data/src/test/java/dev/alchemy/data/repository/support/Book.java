package dev.alchemy.data.repository.support;

import dev.alchemy.orm.Column;
import dev.alchemy.orm.ForeignKey;
import dev.alchemy.orm.Relationship;
import dev.alchemy.orm.Table;
import org.jspecify.annotations.Nullable;

@Table(name = "books")
public class Book {

    @Column(primaryKey = true)
    public @Nullable Long id;

    @Column
    public @Nullable String title;

    @Column
    public int pages;

    @Column
    @ForeignKey("authors.id")
    public @Nullable Long authorId;

    @Relationship(backPopulates = "books")
    public @Nullable Author author;

    public Book() {}

    public Book(String title, int pages, Author author) {
        this.title = title;
        this.pages = pages;
        this.author = author;
    }
}
