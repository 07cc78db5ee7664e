package dev.alchemy.data.repository.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.alchemy.Alchemy;
import dev.alchemy.engine.Engine;
import dev.alchemy.orm.Base;
import dev.alchemy.orm.Session;
import dev.alchemy.orm.SessionFactory;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;

/**
 * The SQL that derived queries send, on SQLite, with repositories made by {@link AlchemyRepositoryFactory} over a
 * plain session (no Spring container): values bound, wildcards escaped, counts only when needed, a fixed number of
 * statements for {@code @LoadWith}.
 */
class DerivedQuerySqlTest {

    Engine engine;
    Session session;
    List<String> sql = new ArrayList<>();
    Books books;
    Authors authors;

    @BeforeEach
    void library() {
        engine = Alchemy.createEngine("sqlite:///:memory:");
        Base.of(Author.class, Book.class).metadata().createAll(engine);
        session = new SessionFactory(engine).openSession();
        AlchemyRepositoryFactory factory = new AlchemyRepositoryFactory(session);
        books = factory.getRepository(Books.class);
        authors = factory.getRepository(Authors.class);
        Author ursula = new Author("Ursula");
        Author terry = new Author("Terry");
        books.saveAll(List.of(
                new Book("A Wizard of Earthsea", 183, ursula),
                new Book("The Tombs of Atuan", 163, ursula),
                new Book("The Colour of Magic", 206, terry),
                new Book("100% Magic", 12, terry)));
        session.commit();
        engine.addStatementListener(event -> sql.add(event.sql()));
    }

    @AfterEach
    void close() {
        session.close();
        engine.dispose();
    }

    @Test
    void aFullFirstPageIsFollowedByTheCompilersCount() {
        Page<Book> page = books.findByTitleStartingWith("The", PageRequest.of(0, 1, Sort.by("title")));
        assertThat(page.getContent()).extracting(b -> b.title).containsExactly("The Colour of Magic");
        assertThat(page.getTotalElements()).isEqualTo(2);
        assertThat(sql).hasSize(2);
        assertThat(sql.get(0))
                .contains("WHERE (books.title LIKE ? || '%' ESCAPE '/')")
                .contains("ORDER BY books.title")
                .contains("LIMIT ?")
                .doesNotContain("The");
        assertThat(sql.get(1))
                .startsWith("SELECT count(*)")
                .contains("books.title LIKE ?")
                .doesNotContain("ORDER BY");
    }

    @Test
    void aPageThatIsNotFullNeedsNoCount() {
        Page<Book> page = books.findByTitleStartingWith("The", PageRequest.of(0, 10));
        assertThat(page.getTotalElements()).isEqualTo(2);
        assertThat(sql).hasSize(1);
    }

    @Test
    void wildcardsInTheArgumentMatchLiterally() {
        assertThat(books.findByTitleStartingWith("100%", PageRequest.of(0, 10)).getContent())
                .extracting(b -> b.title)
                .containsExactly("100% Magic");
        assertThat(books.findByTitleStartingWith("1_0", PageRequest.of(0, 10)).getContent())
                .isEmpty();
        assertThat(books.findByTitleStartingWithIgnoreCase("the c"))
                .extracting(b -> b.title)
                .containsExactly("The Colour of Magic");
        assertThat(books.findByTitleStartingWithIgnoreCase("100%m")).isEmpty();
    }

    @Test
    void conditionsOnRelatedClassesAreExistsSubqueries() {
        assertThat(books.findByAuthorName("Terry")).extracting(b -> b.title).hasSize(2);
        assertThat(authors.findByBooksTitle("The Tombs of Atuan"))
                .extracting(a -> a.name)
                .containsExactly("Ursula");
        assertThat(sql).allSatisfy(s -> assertThat(s).contains("EXISTS (SELECT"));
    }

    @Test
    void loadWithADottedPathChainsTheOptions() {
        java.lang.reflect.Method method = java.util.Arrays.stream(Authors.class.getMethods())
                .filter(m -> m.getName().equals("findByNameOrderByName"))
                .findFirst()
                .orElseThrow();
        List<dev.alchemy.orm.LoadOption> options = EntityQueries.loadOptions(method, null, Author.class);
        assertThat(options)
                .containsExactly(new dev.alchemy.orm.LoadOption(
                        Author.class,
                        "books",
                        dev.alchemy.orm.Loading.SELECTIN,
                        List.of(new dev.alchemy.orm.LoadOption(
                                Book.class, "author", dev.alchemy.orm.Loading.SELECTIN))));
        session.expungeAll();
        List<Author> found = authors.findByNameOrderByName("Ursula");
        assertThat(found.get(0).books)
                .hasSize(2)
                .allSatisfy(b -> assertThat(b.author).isSameAs(found.get(0)));
        assertThat(sql).hasSize(2);
    }

    @Test
    void loadWithAPathThroughAColumnFailsWhenTheRepositoryIsMade() {
        assertThatThrownBy(() -> new AlchemyRepositoryFactory(session).getRepository(Authors.WrongPath.class))
                .hasStackTraceContaining("Book.title, which is not a relationship");
    }

    @Test
    void loadWithLoadsTheCollectionInOneMoreStatement() {
        session.expungeAll();
        List<Author> found = authors.findByNameStartingWithOrderByName("");
        assertThat(found).extracting(a -> a.name).containsExactly("Terry", "Ursula");
        assertThat(found.get(1).books).hasSize(2);
        assertThat(sql).hasSize(2);
    }

    @Test
    void deleteByIsOneStatement() {
        assertThat(books.deleteByPagesLessThan(100)).isEqualTo(1);
        // the keys are read first, to take deleted objects out of the session (synchronize_session='fetch')
        assertThat(sql).hasSize(2);
        assertThat(sql.get(1)).isEqualTo("DELETE FROM books WHERE books.pages < ?");
    }

    @Test
    void saveOfADetachedObjectMerges() {
        Book book = books.findByTitleStartingWithIgnoreCase("a wizard").get(0);
        session.expunge(book);
        book.pages = 200;
        Book merged = books.save(book);
        assertThat(merged).isNotSameAs(book);
        assertThat(merged.pages).isEqualTo(200);
        session.commit();
        assertThat(books.findById(book.id)).get().extracting(b -> b.pages).isEqualTo(200);
    }

    interface Misspelled extends dev.alchemy.data.repository.AlchemyRepository<Book, Long> {
        List<Book> findByTitel(String title);
    }

    @Test
    void aMisspelledPropertyFailsWhenTheRepositoryIsCreated() {
        assertThatThrownBy(() -> new AlchemyRepositoryFactory(session).getRepository(Misspelled.class))
                .hasMessageContaining("titel");
    }
}
