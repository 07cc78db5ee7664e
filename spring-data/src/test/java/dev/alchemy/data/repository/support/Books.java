package dev.alchemy.data.repository.support;

import dev.alchemy.data.repository.AlchemyRepository;
import java.util.List;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;

public interface Books extends AlchemyRepository<Book, Long> {

    Page<Book> findByTitleStartingWith(String prefix, Pageable pageable);

    List<Book> findByTitleStartingWithIgnoreCase(String prefix);

    List<Book> findByAuthorName(String name);

    long deleteByPagesLessThan(int pages);
}
