package dev.alchemy.orm.internal.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.alchemy.exc.ArgumentError;
import dev.alchemy.orm.Column;
import dev.alchemy.orm.Relationship;
import dev.alchemy.orm.Table;
import dev.alchemy.orm.model.Author;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The generated row access reads and writes every attribute as the mapper's method handles do: private fields,
 * getters and setters when the class has them, primitives boxed and unboxed; and classes it cannot serve fall back.
 */
class RowAccessTest {

    @Table(name = "gauges")
    static class Gauge {
        @Column(primaryKey = true)
        private long id;

        @Column
        private int reading;

        @Column
        private String label;

        int setterCalls;

        Gauge() {}

        public String getLabel() {
            return label;
        }

        public Gauge setLabel(String label) { // a fluent setter: its result is dropped
            setterCalls++;
            this.label = label == null ? null : label.trim();
            return this;
        }
    }

    @Table(name = "base_rows")
    static class Base {
        @Column(primaryKey = true)
        Integer id;
    }

    @Table(name = "derived_rows")
    static class Derived extends Base {
        @Column
        String name;
    }

    @Test
    void privateFieldsPrimitivesAndSettersGoThroughTheGeneratedClass() {
        Mapper<Gauge> mapper = Mapper.of(Gauge.class);
        assertThat(mapper.hasGeneratedAccess()).isTrue();
        Gauge g = mapper.newInstance();
        mapper.writeAll(g, new Object[] {7L, 42, "  left  "});
        assertThat(g.id).isEqualTo(7L);
        assertThat(g.reading).isEqualTo(42);
        assertThat(g.label).isEqualTo("left"); // the setter ran
        assertThat(g.setterCalls).isEqualTo(1);
        Object[] read = new Object[3];
        mapper.readAll(g, read);
        assertThat(read).containsExactly(7L, 42, "left");
    }

    @Test
    void aNullForAPrimitiveFieldIsExplained() {
        Mapper<Gauge> mapper = Mapper.of(Gauge.class);
        Gauge g = mapper.newInstance();
        assertThatThrownBy(() -> mapper.writeAll(g, new Object[] {1L, null, "x"}))
                .isInstanceOf(ArgumentError.class)
                .hasMessageContaining("column 'reading' is NULL")
                .hasMessageContaining("primitive int");
    }

    @Test
    void theSeedsModelsUseIt() {
        assertThat(Mapper.of(Author.class).hasGeneratedAccess()).isTrue();
        assertThat(Mapper.of(dev.alchemy.orm.model.User.class).hasGeneratedAccess())
                .isTrue();
    }

    /** A superclass whose key field is private to it: out of the generated class's reach. */
    static class PrivateBase {
        @Column(primaryKey = true)
        private Integer id;
    }

    @Table(name = "logged_rows")
    static class LoggedDerived extends PrivateBase {
        @Column
        String name;
    }

    @Test
    void aMemberOutOfReachIsLoggedAtDebugAndGoesThroughItsMethodHandle() {
        try (dev.alchemy.testing.LogCapture log =
                dev.alchemy.testing.LogCapture.of("dev.alchemy.orm", ch.qos.logback.classic.Level.DEBUG)) {
            Mapper<LoggedDerived> mapper = Mapper.of(LoggedDerived.class);
            assertThat(mapper.hasGeneratedAccess()).isTrue(); // the generated class still serves 'name'
            assertThat(log.messages(ch.qos.logback.classic.Level.DEBUG))
                    .anySatisfy(m -> assertThat(m)
                            .contains(LoggedDerived.class.getName())
                            .contains("a method handle for id")
                            .contains(PrivateBase.class.getName()));
            LoggedDerived d = mapper.newInstance();
            mapper.writeAll(d, new Object[] {5, "five"});
            Object[] read = new Object[2];
            mapper.readAll(d, read);
            assertThat(read).containsExactly(5, "five");
        }
    }

    @Test
    void inheritedAttributesOfTheModelsPackageGoThroughTheGeneratedClass() {
        Mapper<Derived> mapper = Mapper.of(Derived.class);
        assertThat(mapper.hasGeneratedAccess()).isTrue(); // Base.id is package-private, in the same package
        Derived d = mapper.newInstance();
        mapper.writeAll(d, new Object[] {3, "three"});
        Object[] read = new Object[2];
        mapper.readAll(d, read);
        assertThat(read).containsExactly(3, "three");
    }

    @Table(name = "shelf_books")
    static class ShelfBook {
        @Column(primaryKey = true)
        Integer id;

        @Column
        Integer shelfId;
    }

    @Table(name = "shelves")
    static class Shelf {
        @Column(primaryKey = true)
        Integer id;

        @Relationship
        private List<ShelfBook> books = new ArrayList<>();

        @Relationship
        Set<ShelfBook> spares = new LinkedHashSet<>();
    }

    /** A superclass whose collection field is private to it: out of the generated class's reach. */
    static class PrivateShelfBase {
        @Relationship
        private List<ShelfBook> books = new ArrayList<>();
    }

    @Table(name = "private_shelves")
    static class PrivateShelf extends PrivateShelfBase {
        @Column(primaryKey = true)
        Integer id;
    }

    @Test
    void collectionFieldsAreReadTogetherInReachOrThroughTheirHandles() {
        // autoflush compares what these fields hold with the session's tracked collections before every query
        Mapper<Shelf> shelves = Mapper.of(Shelf.class);
        assertThat(shelves.collections).extracting(r -> r.name).containsExactly("books", "spares");
        Shelf shelf = shelves.newInstance();
        Object[] read = new Object[2];
        shelves.readCollections(shelf, read);
        assertThat(read[0]).isSameAs(shelf.books);
        assertThat(read[1]).isSameAs(shelf.spares);

        try (dev.alchemy.testing.LogCapture log =
                dev.alchemy.testing.LogCapture.of("dev.alchemy.orm", ch.qos.logback.classic.Level.DEBUG)) {
            Mapper<PrivateShelf> privateShelves = Mapper.of(PrivateShelf.class);
            assertThat(log.messages(ch.qos.logback.classic.Level.DEBUG))
                    .anySatisfy(m -> assertThat(m)
                            .contains("method handles for its relationship fields")
                            .contains(PrivateShelfBase.class.getName()));
            PrivateShelf p = privateShelves.newInstance();
            Object[] one = new Object[1];
            privateShelves.readCollections(p, one);
            assertThat(one[0]).isSameAs(((PrivateShelfBase) p).books);
        }
    }
}
