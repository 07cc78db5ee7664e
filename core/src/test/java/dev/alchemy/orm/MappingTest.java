package dev.alchemy.orm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.alchemy.dialect.ReflectedForeignKey;
import dev.alchemy.engine.Engine;
import dev.alchemy.exc.IntegrityError;
import dev.alchemy.exc.MappingError;
import dev.alchemy.exc.UnmappedClassError;
import dev.alchemy.orm.model.Author;
import dev.alchemy.orm.model.Book;
import dev.alchemy.orm.model.User;
import dev.alchemy.schema.Inspector;
import dev.alchemy.testing.OnDatabases;
import dev.alchemy.testing.TestDatabase;
import dev.alchemy.types.StringType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;

/**
 * Every mapping error is found when the Base is built, naming the class and field; the tables a Base declares are
 * created as declared on SQLite and on PostgreSQL. (The error checks touch no database; they run once per database
 * because the class does, which costs milliseconds.)
 */
@OnDatabases
class MappingTest {

    @Parameter
    TestDatabase db;

    @AfterEach
    void clean() {
        db.reset();
    }

    @Table(name = "nokey")
    static class NoKey {
        @Column
        String name;
    }

    @Table(name = "badtype")
    static class BadType {
        @Column(primaryKey = true)
        Integer id;

        @Column
        Map<String, String> tags;
    }

    @Table(name = "users")
    static class SecondUsers {
        @Column(primaryKey = true)
        Integer id;
    }

    @Table(name = "orphans")
    static class Orphan {
        @Column(primaryKey = true)
        Integer id;

        @Column
        @ForeignKey("parents.id")
        Integer parentId;
    }

    @Table(name = "records")
    record AsRecord(@Column(primaryKey = true) Integer id) {}

    @Table(name = "noctor")
    static class NoConstructor {
        @Column(primaryKey = true)
        Integer id;

        NoConstructor(Integer id) {
            this.id = id;
        }
    }

    static class NotAnnotated {}

    @Table(name = "reviews")
    static class ColumnAndRelationship {
        @Column(primaryKey = true)
        Integer id;

        @Column
        @Relationship
        Author author;
    }

    @Test
    void noPrimaryKey() {
        assertThatThrownBy(() -> Base.of(NoKey.class))
                .isInstanceOf(MappingError.class)
                .hasMessageContaining("NoKey has no primary key");
    }

    @Test
    void unsupportedTypeNamesClassAndField() {
        assertThatThrownBy(() -> Base.of(BadType.class))
                .isInstanceOf(MappingError.class)
                .hasMessageContaining("BadType.tags has an unsupported type java.util.Map")
                .hasMessageContaining("@Convert");
    }

    @Test
    void aFieldWithBothColumnAndRelationshipSaysSoRatherThanThatItsTypeIsUnsupported() {
        // Author is no column type: the column mapping alone would report "unsupported type", which hides the mistake
        assertThatThrownBy(() -> Base.of(Author.class, ColumnAndRelationship.class))
                .isInstanceOf(MappingError.class)
                .hasMessageContaining("ColumnAndRelationship.author has both @Column and @Relationship; map the "
                        + "foreign key as its own @Column field and the object as the @Relationship")
                .hasMessageNotContaining("unsupported type");
    }

    @Test
    void duplicateTable() {
        assertThatThrownBy(() -> Base.of(User.class, SecondUsers.class))
                .isInstanceOf(MappingError.class)
                .hasMessageContaining("table 'users' is mapped twice");
    }

    @Test
    void foreignKeyToUnknownTable() {
        assertThatThrownBy(() -> Base.of(Orphan.class))
                .isInstanceOf(MappingError.class)
                .hasMessageContaining("Orphan")
                .hasMessageContaining("foreign key to unknown table 'parents'");
    }

    @Test
    void recordIsNotAnEntity() {
        assertThatThrownBy(() -> Base.of(AsRecord.class))
                .isInstanceOf(MappingError.class)
                .hasMessageContaining("is a record");
    }

    @Test
    void noArgumentConstructorIsRequired() {
        assertThatThrownBy(() -> Base.of(NoConstructor.class))
                .isInstanceOf(MappingError.class)
                .hasMessageContaining("needs a no-argument constructor");
    }

    @Test
    void unmappedClass() {
        assertThatThrownBy(() -> Base.of(NotAnnotated.class))
                .isInstanceOf(UnmappedClassError.class)
                .hasMessageContaining("annotate it with @Table");
    }

    @Test
    void baseBuildsTablesWithConstraintsAndScanFindsModels() {
        Base base = Base.of(Author.class, Book.class);
        assertThat(base.table(Author.class).c("name").type()).isEqualTo(new StringType(50));
        assertThat(base.table(Author.class).c("name").isNullable()).isFalse();
        assertThat(base.table(Author.class).c("name").isUnique()).isTrue();
        assertThat(base.table(Book.class).foreignKeys()).hasSize(1);
        assertThat(base.metadata().sortedTables()).extracting(t -> t.name()).containsExactly("authors", "books");
        assertThat(Base.scan("dev.alchemy.orm.model").models()).contains(User.class, Author.class, Book.class);
    }

    @Test
    void mappedTablesAreCreatedWithTheirKeysConstraintsAndTypes() {
        Engine engine = db.createEngine();
        Base base = Base.of(Author.class, Book.class);
        base.metadata().createAll(engine);
        Inspector inspector = dev.alchemy.Alchemy.inspect(engine);
        assertThat(inspector.tableNames()).containsExactly("authors", "books");
        // a Long key is the rowid alias INTEGER on SQLite, BIGSERIAL (a BIGINT with a sequence) on PostgreSQL and
        // BIGINT AUTO_INCREMENT on MariaDB
        assertThat(inspector.columns("authors"))
                .extracting(c -> c.name() + " " + c.type() + (c.nullable() ? "" : " NOT NULL"))
                .containsExactly(
                        "id " + (db.isSqlite() ? "INTEGER" : "BIGINT") + " NOT NULL",
                        "name VARCHAR(50) NOT NULL",
                        "bio VARCHAR(100)",
                        "version INTEGER NOT NULL");
        assertThat(inspector.uniqueConstraints("authors"))
                .extracting(u -> u.columns())
                .containsExactly(List.of("name"));
        assertThat(inspector.foreignKeys("books"))
                .extracting(
                        ReflectedForeignKey::columns, ReflectedForeignKey::referredTable, ReflectedForeignKey::onDelete)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(List.of("author_id"), "authors", "CASCADE"));
        try (Session session = new SessionFactory(engine).openSession()) {
            session.add(new Book(42L, "no such author"));
            assertThatThrownBy(session::commit)
                    .isInstanceOf(IntegrityError.class)
                    .hasMessageContaining("books");
        }
    }

    @Test
    void typedConditionsOnConvertedAttributesConvertTheirValues() {
        Engine engine = db.createEngine();
        Base.of(dev.alchemy.docs.orm.Product.class).metadata().createAll(engine);
        try (Session session = new SessionFactory(engine).openSession()) {
            session.add(new dev.alchemy.docs.orm.Product("Lamp", new dev.alchemy.docs.orm.Money(1999)));
            session.commit();
            assertThat(session.query(dev.alchemy.docs.orm.Product.class)
                            .filter(dev.alchemy.Alchemy.where(dev.alchemy.docs.orm.Product::getPrice)
                                    .eq(new dev.alchemy.docs.orm.Money(1999)))
                            .all())
                    .hasSize(1);
        }
    }
}
