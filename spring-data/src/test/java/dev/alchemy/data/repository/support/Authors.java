package dev.alchemy.data.repository.support;

import dev.alchemy.data.repository.AlchemyRepository;
import dev.alchemy.data.repository.LoadWith;
import java.util.List;

public interface Authors extends AlchemyRepository<Author, Long> {

    @LoadWith(relationship = "books")
    List<Author> findByNameStartingWithOrderByName(String prefix);

    List<Author> findByBooksTitle(String title);
}
