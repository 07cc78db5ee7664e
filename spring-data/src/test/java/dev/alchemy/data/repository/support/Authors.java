package dev.alchemy.data.repository.support;

import dev.alchemy.data.repository.AlchemyRepository;
import dev.alchemy.data.repository.LoadWith;
import java.util.List;

public interface Authors extends AlchemyRepository<Author, Long> {

    @LoadWith(relationship = "books")
    List<Author> findByNameStartingWithOrderByName(String prefix);

    List<Author> findByBooksTitle(String title);

    /** A dotted path: the books, and their authors (the same objects, already in the session). */
    @LoadWith(relationship = "books.author")
    @LoadWith(relationship = "books")
    List<Author> findByNameOrderByName(String name);

    /** A path through a reference that is not a relationship further on. */
    interface WrongPath extends AlchemyRepository<Author, Long> {
        @LoadWith(relationship = "books.title")
        List<Author> findByName(String name);
    }
}
