package dev.alchemy.orm;

import static dev.alchemy.Alchemy.column;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.alchemy.engine.Engine;
import dev.alchemy.exc.StaleDataError;
import dev.alchemy.orm.model.Author;
import dev.alchemy.orm.model.User;
import dev.alchemy.testing.OnDatabases;
import dev.alchemy.testing.TestDatabase;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;

/**
 * A flush groups its UPDATEs by the columns that changed, one executemany per group, each row's parameters by
 * position: objects changed in different columns, in any order, must each get their own values in their own row,
 * and a version column must be checked and advanced per row.
 */
@OnDatabases
class FlushUpdateBatchTest {

    @Parameter
    TestDatabase db;

    Engine engine;
    SessionFactory sessions;

    @BeforeEach
    void setUp() {
        engine = db.createEngine();
        Base.of(User.class, Author.class).metadata().createAll(engine);
        sessions = new SessionFactory(engine);
    }

    @AfterEach
    void tearDown() {
        db.reset();
    }

    @Test
    void objectsChangedInDifferentColumnsEachGetTheirOwnRow() {
        try (Session session = sessions.openSession()) {
            for (int i = 0; i < 9; i++) {
                session.add(new User("u" + i, "u" + i + "@example.com"));
            }
            session.commit();
        }
        try (Session session = sessions.openSession()) {
            List<User> users =
                    session.query(User.class).orderBy(column(User.class, "id")).all();
            for (int i = 0; i < users.size(); i++) {
                User u = users.get(i);
                switch (i % 3) { // interleaved: email, name, both, email, ...
                    case 0 -> u.email = "new" + i + "@example.com";
                    case 1 -> u.name = "renamed" + i;
                    default -> {
                        u.name = "both" + i;
                        u.email = "both" + i + "@example.com";
                    }
                }
            }
            session.commit();
        }
        try (Session session = sessions.openSession()) {
            List<User> users =
                    session.query(User.class).orderBy(column(User.class, "id")).all();
            List<String> rows = new ArrayList<>();
            for (User u : users) {
                rows.add(u.name + " " + u.email);
            }
            assertThat(rows)
                    .containsExactly(
                            "u0 new0@example.com",
                            "renamed1 u1@example.com",
                            "both2 both2@example.com",
                            "u3 new3@example.com",
                            "renamed4 u4@example.com",
                            "both5 both5@example.com",
                            "u6 new6@example.com",
                            "renamed7 u7@example.com",
                            "both8 both8@example.com");
        }
    }

    @Test
    void versionsAreCheckedAndAdvancedPerRow() {
        try (Session session = sessions.openSession()) {
            for (int i = 0; i < 4; i++) {
                session.add(new Author("a" + i));
            }
            session.commit();
        }
        try (Session session = sessions.openSession()) {
            List<Author> authors = session.query(Author.class)
                    .orderBy(column(Author.class, "id"))
                    .all();
            authors.get(0).setBio("first");
            authors.get(1).setName("b1");
            authors.get(2).setBio("third");
            authors.get(3).setName("b3");
            authors.get(3).setBio("fourth");
            session.commit();
        }
        try (Session session = sessions.openSession()) {
            List<Author> authors = session.query(Author.class)
                    .orderBy(column(Author.class, "id"))
                    .all();
            assertThat(authors).extracting(Author::getName).containsExactly("a0", "b1", "a2", "b3");
            assertThat(authors).extracting(Author::getBio).containsExactly("first", null, "third", "fourth");
            assertThat(authors).extracting(Author::getVersion).containsExactly(2, 2, 2, 2);
        }
    }

    @Test
    void aRowChangedElsewhereFailsTheGroupAndWritesNothing() {
        try (Session session = sessions.openSession()) {
            session.add(new Author("a0"));
            session.add(new Author("a1"));
            session.commit();
        }
        // the objects outlive their read transaction (as in a web request's form), so SQLite's snapshot does not
        // refuse the write before the version check can
        try (Session session = sessions.withExpireOnCommit(false).openSession()) {
            List<Author> authors = session.query(Author.class)
                    .orderBy(column(Author.class, "id"))
                    .all();
            session.commit();
            try (Session other = sessions.openSession()) {
                other.get(Author.class, authors.get(1).getId()).setBio("elsewhere");
                other.commit();
            }
            authors.get(0).setBio("mine");
            authors.get(1).setBio("mine");
            assertThatThrownBy(session::commit).isInstanceOf(StaleDataError.class);
        }
        try (Session session = sessions.openSession()) {
            List<Author> authors = session.query(Author.class)
                    .orderBy(column(Author.class, "id"))
                    .all();
            assertThat(authors).extracting(Author::getBio).containsExactly(null, "elsewhere");
            assertThat(authors).extracting(Author::getVersion).containsExactly(1, 2);
        }
    }
}
