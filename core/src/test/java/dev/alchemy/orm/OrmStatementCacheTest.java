package dev.alchemy.orm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.alchemy.Alchemy;
import dev.alchemy.engine.Engine;
import dev.alchemy.engine.StatementCache;
import dev.alchemy.testing.OnDatabases;
import dev.alchemy.testing.TestDatabase;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;

/**
 * The ORM's SELECTs go through the engine's statement cache (issue 18 item 4): a query by another name, a
 * {@code get} of another key, the lazy or selectin load of another parent's collection each reuse the compilation of
 * the first, and each loads its own rows.
 */
@OnDatabases
class OrmStatementCacheTest {

    @Table(name = "shelves")
    static class Shelf {
        @Column(primaryKey = true)
        Integer id;

        @Column(length = 50)
        String name;

        @Relationship(backPopulates = "shelf", orderBy = "title")
        List<Volume> volumes = new ArrayList<>();

        Shelf() {}

        Shelf(String name) {
            this.name = name;
        }
    }

    @Table(name = "volumes")
    static class Volume {
        @Column(primaryKey = true)
        Integer id;

        @Column(length = 50)
        String title;

        @Column
        @ForeignKey("shelves.id")
        Integer shelfId;

        @Relationship(backPopulates = "volumes")
        Shelf shelf;

        Volume() {}

        Volume(String title) {
            this.title = title;
        }
    }

    @Parameter
    TestDatabase db;

    Engine engine;
    SessionFactory sessions;
    StatementCache cache;

    @BeforeEach
    void setUp() {
        engine = db.createEngine();
        Base.of(Shelf.class, Volume.class).metadata().createAll(engine);
        sessions = new SessionFactory(engine);
        try (Session session = sessions.openSession()) {
            for (String name : List.of("a", "b", "c")) {
                Shelf shelf = new Shelf(name);
                for (int i = 1; i <= 2; i++) {
                    Volume v = new Volume(name + i);
                    shelf.volumes.add(v);
                }
                session.add(shelf);
            }
            session.commit();
        }
        cache = engine.statementCache();
    }

    @AfterEach
    void tearDown() {
        db.reset();
    }

    @Test
    void queriesByNameCompileOnce() {
        long misses = cache.misses();
        long hits = cache.hits();
        try (Session session = sessions.openSession()) {
            for (String name : List.of("a", "b", "c", "a")) {
                Shelf shelf = session.query(Shelf.class).filterBy("name", name).first();
                assertThat(shelf.name).isEqualTo(name);
            }
            assertThat(session.query(Shelf.class).filterBy("name", "z").first()).isNull();
        }
        assertThat(cache.misses() - misses).isEqualTo(1);
        assertThat(cache.hits() - hits).isEqualTo(4);
    }

    @Test
    void getsOfOtherKeysInOtherSessionsLoadTheirOwnRows() {
        List<Integer> ids;
        try (Session session = sessions.openSession()) {
            ids = session.query(Shelf.class).orderBy(Alchemy.column(Shelf.class, "id")).all().stream()
                    .map(s -> s.id)
                    .toList();
        }
        for (Integer id : ids) {
            try (Session session = sessions.openSession()) {
                assertThat(session.get(Shelf.class, id).id).isEqualTo(id);
            }
        }
    }

    @Test
    void lazyLoadsOfOtherParentsShareACompilation() {
        List<List<String>> titles = new ArrayList<>();
        long misses = 0;
        long hits = 0;
        for (String name : List.of("a", "b", "c")) {
            if (name.equals("b")) { // "a" compiled the query and its lazy load
                misses = cache.misses();
                hits = cache.hits();
            }
            try (Session session = sessions.openSession()) {
                Shelf shelf = session.query(Shelf.class).filterBy("name", name).one();
                titles.add(shelf.volumes.stream().map(v -> v.title).toList()); // loads now, for this shelf
            }
        }
        assertThat(titles).containsExactly(List.of("a1", "a2"), List.of("b1", "b2"), List.of("c1", "c2"));
        assertThat(cache.misses() - misses).isZero();
        assertThat(cache.hits() - hits).isEqualTo(4);
    }

    @Test
    void selectinLoadsOfOtherParentsShareACompilation() {
        for (String name : List.of("a", "b")) {
            try (Session session = sessions.openSession()) {
                Shelf shelf = session.query(Shelf.class)
                        .options(Load.selectin(Shelf.class, "volumes"))
                        .filterBy("name", name)
                        .one();
                assertThat(shelf.volumes).extracting(v -> v.title).containsExactly(name + "1", name + "2");
            }
        }
        long misses = cache.misses();
        long hits = cache.hits();
        try (Session session = sessions.openSession()) {
            Shelf shelf = session.query(Shelf.class)
                    .options(Load.selectin(Shelf.class, "volumes"))
                    .filterBy("name", "c")
                    .one();
            assertThat(shelf.volumes).extracting(v -> v.title).containsExactly("c1", "c2");
        }
        assertThat(cache.misses() - misses).isZero();
        assertThat(cache.hits() - hits).isEqualTo(2); // the query and its selectin load
    }
}
