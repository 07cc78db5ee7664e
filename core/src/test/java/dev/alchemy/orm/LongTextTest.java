package dev.alchemy.orm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.alchemy.dialect.ReflectedColumn;
import dev.alchemy.engine.Engine;
import dev.alchemy.exc.MappingError;
import dev.alchemy.migration.SchemaDiff;
import dev.alchemy.schema.Inspector;
import dev.alchemy.testing.OnDatabases;
import dev.alchemy.testing.TestDatabase;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;

/**
 * A model's long text: {@code @Column(text = true)} is {@code Text}, which on MySQL and MariaDB is {@code LONGTEXT}
 * (a {@code TEXT} ends at 64 KB, and a string needs a length to be a VARCHAR there). A 100 KB string comes back whole,
 * and the table {@code createAll} made from the model is what the model says: no migration proposed, for the text
 * nor for a {@code Float}, which MySQL stores as a {@code DOUBLE}.
 */
@OnDatabases
class LongTextTest {

    @Table(name = "articles")
    static class Article {
        @Column(primaryKey = true)
        Long id;

        @Column(nullable = false, length = 200)
        String title;

        @Column(text = true)
        String body;

        @Column
        Float rating;

        @Column
        Double score;

        @Column
        byte[] image;

        Article() {}

        Article(String title, String body) {
            this.title = title;
            this.body = body;
        }
    }

    @Table(name = "bad_text")
    static class TextWithLength {
        @Column(primaryKey = true)
        Long id;

        @Column(text = true, length = 10)
        String body;
    }

    @Table(name = "bad_text_type")
    static class TextOnANumber {
        @Column(primaryKey = true)
        Long id;

        @Column(text = true)
        Integer body;
    }

    @Parameter
    TestDatabase db;

    Engine engine;
    Base base;

    @BeforeEach
    void open() {
        engine = db.createEngine();
        base = Base.of(Article.class);
        base.metadata().createAll(engine);
    }

    @AfterEach
    void clean() {
        db.reset();
    }

    /** 100 KB of text, with characters of one to four bytes in UTF-8 (more than 64 KB in characters alone). */
    static String longText() {
        StringBuilder text = new StringBuilder();
        String piece = "Lorem ipsum é ✓ 😀 dolor sit amet; ";
        while (text.length() < 100_000) {
            text.append(piece).append(text.length()).append('\n');
        }
        return text.toString();
    }

    @Test
    void aHundredKilobyteStringComesBackWhole() {
        String body = longText();
        Long id;
        try (Session session = new SessionFactory(engine).openSession()) {
            Article article = new Article("long", body);
            session.add(article);
            session.commit();
            id = article.id;
        }
        try (Session session = new SessionFactory(engine).openSession()) {
            Article loaded = session.get(Article.class, id);
            assertThat(loaded.body.length()).isEqualTo(body.length());
            assertThat(loaded.body).isEqualTo(body);
        }
    }

    @Test
    void theColumnIsTextOfAnyLength() {
        Map<String, String> types = Inspector.of(engine).columns("articles").stream()
                .collect(Collectors.toMap(ReflectedColumn::name, ReflectedColumn::type));
        if (db.isMariadb()) {
            assertThat(types)
                    .containsEntry("body", "LONGTEXT")
                    .containsEntry("rating", "DOUBLE")
                    .containsEntry("score", "DOUBLE")
                    .containsEntry("image", "LONGBLOB");
        } else {
            assertThat(types).containsEntry("body", "TEXT");
        }
    }

    @Test
    void theModelAndTheTableCreateAllMadeDoNotDiffer() {
        assertThat(SchemaDiff.compare(base.metadata(), engine).summary()).isEmpty();
    }

    @Test
    void textIsForStringsOfAnyLength() {
        assertThatThrownBy(() -> Base.of(TextWithLength.class))
                .isInstanceOf(MappingError.class)
                .hasMessageContaining("leave out length = 10");
        assertThatThrownBy(() -> Base.of(TextOnANumber.class))
                .isInstanceOf(MappingError.class)
                .hasMessageContaining("stores a String, not java.lang.Integer");
    }
}
