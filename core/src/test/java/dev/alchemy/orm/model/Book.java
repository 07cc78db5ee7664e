package dev.alchemy.orm.model;

import dev.alchemy.orm.Column;
import dev.alchemy.orm.ForeignKey;
import dev.alchemy.orm.Table;

/** A child of Author through a foreign key. */
@Table(name = "books")
public class Book {
    @Column(primaryKey = true)
    private Long id;

    @Column(nullable = false)
    @ForeignKey(value = "authors.id", onDelete = "CASCADE")
    private Long authorId;

    @Column(nullable = false, length = 100)
    private String title;

    Book() {}

    public Book(Long authorId, String title) {
        this.authorId = authorId;
        this.title = title;
    }

    public Long getId() {
        return id;
    }

    public Long getAuthorId() {
        return authorId;
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }
}
