package dev.alchemy.data.repository.support;

import dev.alchemy.orm.Column;
import dev.alchemy.orm.Relationship;
import dev.alchemy.orm.Table;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

@Table(name = "authors")
public class Author {

    @Column(primaryKey = true)
    public @Nullable Long id;

    @Column
    public @Nullable String name;

    @Relationship(backPopulates = "author")
    public List<Book> books = new ArrayList<>();

    public Author() {}

    public Author(String name) {
        this.name = name;
    }
}
