package dev.alchemy.reliability;

import static dev.alchemy.Alchemy.column;
import static dev.alchemy.Alchemy.insert;
import static dev.alchemy.Alchemy.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.alchemy.Alchemy;
import dev.alchemy.engine.Connection;
import dev.alchemy.engine.Engine;
import dev.alchemy.exc.AlchemyException;
import dev.alchemy.exc.ArgumentError;
import dev.alchemy.exc.DataError;
import dev.alchemy.exc.IntegrityError;
import dev.alchemy.exc.MappingError;
import dev.alchemy.exc.OperationalError;
import dev.alchemy.exc.ProgrammingError;
import dev.alchemy.exc.UnmappedClassError;
import dev.alchemy.orm.Base;
import dev.alchemy.orm.Column;
import dev.alchemy.orm.Relationship;
import dev.alchemy.orm.Session;
import dev.alchemy.orm.SessionFactory;
import dev.alchemy.orm.Table;
import dev.alchemy.orm.UniqueConstraint;
import dev.alchemy.orm.Version;
import dev.alchemy.schema.MetaData;
import dev.alchemy.testing.OnDatabases;
import dev.alchemy.testing.TestDatabase;
import java.math.BigInteger;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hostile input changes nothing and is answered with a specific {@link AlchemyException} whose message says what
 * was wrong: SQL-injection strings as values (which are data, stored and matched literally), as attribute names in
 * {@code filterBy}, {@code orderBy}, bulk updates and Core inserts; bad URLs; misused annotations; values of the
 * wrong Java type; null into NOT NULL; oversized values; unicode and NUL. For each case a dump of the whole database
 * ({@link DatabaseDump}, plain JDBC) taken before equals the one taken after.
 */
@OnDatabases
class HostileInputTest {

    /** Injection attempts: every one must reach the database as a value or be refused as a name. */
    static final List<String> INJECTIONS = List.of(
            "'; DROP TABLE people; --",
            "' OR '1'='1",
            "' OR 1=1 --",
            "1; DELETE FROM people",
            "\"; DROP TABLE people; --",
            "Robert'); DROP TABLE people;--",
            "' UNION SELECT name, sql, 1, 2, 3 FROM sqlite_master --",
            "' UNION SELECT table_name, null, 1, 2, 3 FROM information_schema.tables --",
            "admin'--",
            "%' OR name LIKE '%",
            "') OR ('a'='a",
            "1' AND (SELECT count(*) FROM people) > 0 --",
            "'; UPDATE people SET age = 0; --",
            "\\'; DROP TABLE people; --",
            "?",
            ":name",
            "$1",
            "/*",
            "people.name",
            "name\"); DROP TABLE people; --",
            "' || (SELECT group_concat(name) FROM people) || '",
            "'; ATTACH DATABASE 'evil.db' AS evil; --",
            "'; SELECT pg_sleep(10); --",
            "name; DROP TABLE people");

    @Table(name = "people")
    static class Person {
        @Column(primaryKey = true)
        Long id;

        @Column(nullable = false, length = 100)
        String name;

        @Column
        Integer age;

        @Column(unique = true, length = 100)
        String email;

        @Column // no length: on MariaDB the table is created by hand with a LONGTEXT here (see open)
        String note;

        @Column
        Long score;

        Person() {}

        Person(@Nullable String name, @Nullable Integer age) {
            this.name = name;
            this.age = age;
        }
    }

    private static final Map<TestDatabase, Engine> ENGINES = new ConcurrentHashMap<>();

    @Parameter
    TestDatabase db;

    Engine engine;
    SessionFactory sessions;

    @BeforeEach
    void open() {
        engine = ENGINES.computeIfAbsent(db, d -> {
            Engine e = d.createEngine();
            if (d.isMariadb()) {
                // MySQL's VARCHAR needs a length, and the mapping cannot ask for a LONGTEXT: the DDL createAll would
                // write, with text of any length in note
                e.useTransaction(conn -> conn.execute(text("""
                        CREATE TABLE people (id BIGINT NOT NULL AUTO_INCREMENT, name VARCHAR(100) NOT NULL,
                        age INTEGER, email VARCHAR(100), note LONGTEXT, score BIGINT, PRIMARY KEY (id), UNIQUE (email)
                        )ENGINE=InnoDB""")));
            } else {
                Base.of(Person.class).metadata().createAll(e);
            }
            try (Session session = new SessionFactory(e).openSession()) {
                Person ann = new Person("Ann", 30);
                ann.email = "ann@example.com";
                session.add(ann);
                session.add(new Person("Bob", null));
                session.add(new Person("Cy", 41));
                session.commit();
            }
            return e;
        });
        sessions = new SessionFactory(engine);
    }

    private List<String> dump() {
        try (java.sql.Connection jdbc = db.isSqlite()
                ? DriverManager.getConnection(db.jdbcUrl())
                : DriverManager.getConnection(db.jdbcUrl(), db.username(), "")) {
            return DatabaseDump.of(jdbc);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs the action, expects the error, and checks that the database is exactly as before. */
    private void refusedAndUnchanged(
            ThrowingCallable action, Class<? extends AlchemyException> error, String... messageParts) {
        List<String> before = dump();
        assertThat(before).anyMatch(line -> line.contains("String:Ann"));
        assertThatThrownBy(action).isInstanceOf(error).hasMessageContainingAll(messageParts);
        assertThat(dump()).isEqualTo(before);
    }

    static Stream<String> injections() {
        return INJECTIONS.stream();
    }

    // ------------------------------------------------------------------ injection strings as values: data, not SQL

    @ParameterizedTest
    @MethodSource("injections")
    void anInjectionStringAsAValueIsStoredAndMatchedLiterally(String payload) {
        List<String> before = dump();
        try (Session session = sessions.openSession()) {
            assertThat(session.query(Person.class).filterBy("name", payload).all())
                    .isEmpty();
            assertThat(session.query(Person.class)
                            .filter(column(Person.class, "note").eq(payload))
                            .count())
                    .isZero();
            assertThat(session.execute(
                                    text("SELECT count(*) FROM people WHERE name = :n OR email = :n"),
                                    Map.of("n", payload))
                            .scalar(Long.class))
                    .isZero();
            Person p = new Person(payload, 1);
            p.note = payload;
            session.add(p);
            session.flush();
            session.expireAll();
            Person back = session.query(Person.class).filterBy("name", payload).one();
            assertThat(back.note).isEqualTo(payload);
            assertThat(session.query(Person.class).count()).isEqualTo(4);
            session.rollback();
        }
        assertThat(dump()).isEqualTo(before);
    }

    // ------------------------------------------------------------------ injection strings as names: refused

    @ParameterizedTest
    @MethodSource("injections")
    void anInjectionStringAsAFilterByNameIsAnUnknownAttribute(String payload) {
        refusedAndUnchanged(
                () -> {
                    try (Session session = sessions.openSession()) {
                        session.query(Person.class).filterBy(payload, "x").all();
                    }
                },
                ArgumentError.class,
                "Person has no attribute '" + payload + "'",
                "its attributes: [id, name, age, email, note, score]");
    }

    @ParameterizedTest
    @MethodSource("injections")
    void anInjectionStringAsAnOrderByNameIsAnUnknownAttribute(String payload) {
        refusedAndUnchanged(
                () -> {
                    try (Session session = sessions.openSession()) {
                        session.query(Person.class)
                                .orderBy(column(Person.class, payload))
                                .all();
                    }
                },
                ArgumentError.class,
                "Person has no attribute '" + payload + "'");
    }

    @ParameterizedTest
    @MethodSource("injections")
    void anInjectionStringAsABulkUpdateNameIsAnUnknownAttribute(String payload) {
        refusedAndUnchanged(
                () -> {
                    try (Session session = sessions.openSession()) {
                        session.query(Person.class).update(Map.of(payload, "x"));
                        session.commit();
                    }
                },
                ArgumentError.class,
                "Person has no attribute '" + payload + "'");
    }

    @ParameterizedTest
    @MethodSource("injections")
    void anInjectionStringAsACoreColumnNameIsAnUnknownColumn(String payload) {
        dev.alchemy.schema.Table people = Base.of(Person.class).metadata().table("people");
        refusedAndUnchanged(
                () -> {
                    try (Connection conn = engine.connect()) {
                        conn.execute(insert(people).values(Map.of("name", "x", payload, "x")));
                        conn.commit();
                    }
                },
                ArgumentError.class,
                "table 'people' has no column '" + payload + "'",
                "its columns: [id, name, age, email, note, score]");
    }

    // ------------------------------------------------------------------ bad URLs

    static Stream<Arguments> badUrls() {
        return Stream.of(
                Arguments.of("", ArgumentError.class, "empty database URL"),
                Arguments.of("   ", ArgumentError.class, "empty database URL"),
                Arguments.of("nosuchdb:///x.db", ArgumentError.class, "unknown dialect 'nosuchdb'"),
                Arguments.of("sqlite://localhost/x.db", ArgumentError.class, "names a file, not a server"),
                Arguments.of("sqlite://user@/x.db", ArgumentError.class, "names a file, not a server"),
                Arguments.of("postgresql://localhost:99999/db", ArgumentError.class, "out of range"),
                Arguments.of("postgresql://localhost:port/db", ArgumentError.class, "port"),
                Arguments.of("not a url", ArgumentError.class, "not a url"),
                Arguments.of("://x", ArgumentError.class, "://x"),
                Arguments.of("sqlite:///x.db?transaction_mode=EXCLUSIVE", ArgumentError.class, "transaction_mode"),
                Arguments.of("mysql://localhost", ArgumentError.class, "needs a database name"),
                Arguments.of("mysql+oursql://localhost/db", ArgumentError.class, "unknown driver 'oursql'"),
                Arguments.of("jdbc:nosuch:thing", ArgumentError.class, "nosuch"));
    }

    @ParameterizedTest
    @MethodSource("badUrls")
    void aBadUrlIsRefusedWhenTheEngineIsCreated(String url, Class<? extends AlchemyException> error, String message) {
        refusedAndUnchanged(() -> Alchemy.createEngine(url).dispose(), error, message);
    }

    @Test
    void aUrlToAFileThatCannotBeOpenedFailsOnConnect() {
        refusedAndUnchanged(
                () -> {
                    try (Engine e = Alchemy.createEngine("sqlite:////nonexistent-dir/sub/x.db")) {
                        e.connect().close();
                    }
                },
                OperationalError.class,
                "");
    }

    @Test
    void aServerThatIsNotThereFailsOnConnectWithinTheTimeout() {
        refusedAndUnchanged(
                () -> {
                    try (Engine e = Alchemy.createEngine(
                            "postgresql://nobody@127.0.0.1:1/db",
                            dev.alchemy.engine.EngineOptions.defaults()
                                    .connectionTimeout(java.time.Duration.ofMillis(500)))) {
                        e.connect().close();
                    }
                },
                AlchemyException.class,
                "127.0.0.1:1");
    }

    // ------------------------------------------------------------------ misused annotations

    @Table(name = "nokey")
    static class NoKey {
        @Column(length = 100)
        String name;
    }

    @Table(name = "twoversions")
    static class TwoVersions {
        @Column(primaryKey = true)
        Long id;

        @Version
        @Column
        Integer a;

        @Version
        @Column
        Integer b;
    }

    @Table(name = "textversion")
    static class TextVersion {
        @Column(primaryKey = true)
        Long id;

        @Version
        @Column(length = 100)
        String version;
    }

    @Table(name = "unsupported")
    static class Unsupported {
        @Column(primaryKey = true)
        Long id;

        @Column
        Thread thread;
    }

    @Table(name = "finalfield")
    static class FinalField {
        @Column(primaryKey = true)
        Long id;

        @Column(length = 100)
        final String name = "x";
    }

    @Table(name = "noctor")
    static class NoConstructor {
        @Column(primaryKey = true)
        Long id;

        NoConstructor(long id) {
            this.id = id;
        }
    }

    @Table(name = "abstract")
    abstract static class Abstract {
        @Column(primaryKey = true)
        Long id;
    }

    @Table(name = "records")
    record Rec(@Column(primaryKey = true) Long id) {}

    @Table(name = "")
    static class BlankName {
        @Column(primaryKey = true)
        Long id;
    }

    @Table(name = "clash")
    static class Clash {
        @Column(primaryKey = true)
        Long id;

        @Column(name = "x", length = 100)
        String a;

        @Column(name = "x", length = 100)
        String b;
    }

    @Table(name = "nocolumns")
    static class NoColumns {
        Long id;
    }

    @Table(name = "both")
    static class ColumnAndRelationship {
        @Column(primaryKey = true)
        Long id;

        @Column
        @Relationship
        Person person;
    }

    @Table(name = "badunique", uniqueConstraints = @UniqueConstraint(columns = {"name; DROP TABLE people"}))
    static class BadUnique {
        @Column(primaryKey = true)
        Long id;

        @Column(length = 100)
        String name;
    }

    /** The common JPA style {@code private final List<Pet> pets = new ArrayList<>()}. */
    @Table(name = "finalcollection")
    static class FinalCollection {
        @Column(primaryKey = true)
        Long id;

        @Relationship
        final List<Person> people = new java.util.ArrayList<>();
    }

    static class NotAnnotated {
        Long id;
    }

    static Stream<Arguments> misusedAnnotations() {
        return Stream.of(
                Arguments.of(NoKey.class, MappingError.class, "has no primary key"),
                Arguments.of(TwoVersions.class, MappingError.class, "several @Version fields"),
                Arguments.of(TextVersion.class, MappingError.class, "must be Integer or Long"),
                Arguments.of(Unsupported.class, MappingError.class, "unsupported type java.lang.Thread"),
                Arguments.of(FinalField.class, MappingError.class, "is final"),
                Arguments.of(
                        FinalCollection.class,
                        MappingError.class,
                        "FinalCollection.people is final; the session puts its tracked collection there"),
                Arguments.of(NoConstructor.class, MappingError.class, "no-argument constructor"),
                Arguments.of(Abstract.class, MappingError.class, "must be a concrete class"),
                Arguments.of(Rec.class, MappingError.class, "is a record"),
                Arguments.of(BlankName.class, MappingError.class, "@Table needs a name"),
                Arguments.of(Clash.class, MappingError.class, "both map to column 'x'"),
                Arguments.of(NoColumns.class, MappingError.class, "maps no fields"),
                Arguments.of(ColumnAndRelationship.class, MappingError.class, "ColumnAndRelationship.person"),
                Arguments.of(BadUnique.class, MappingError.class, "unknown column or field 'name; DROP TABLE people'"),
                Arguments.of(NotAnnotated.class, UnmappedClassError.class, "annotate it with @Table"));
    }

    @ParameterizedTest
    @MethodSource("misusedAnnotations")
    void aMisusedAnnotationIsAMappingErrorNamingTheClass(
            Class<?> model, Class<? extends AlchemyException> error, String message) {
        refusedAndUnchanged(
                () -> {
                    MetaData metadata = Base.of(model).metadata();
                    metadata.createAll(engine);
                },
                error,
                model.getSimpleName(),
                message);
        refusedAndUnchanged(
                () -> {
                    try (Session session = sessions.openSession()) {
                        session.query(model).all();
                    }
                },
                error,
                message);
    }

    // ------------------------------------------------------------------ wrong Java types

    static Stream<Arguments> wrongTypes() {
        return Stream.of(
                Arguments.of("age", "abc", "cannot bind a String 'abc' to a INTEGER parameter"),
                Arguments.of("age", new Object(), "to a INTEGER parameter; expected an integral number"),
                Arguments.of("age", 3_000_000_000L, "out of range for INTEGER"),
                Arguments.of("age", List.of(1), "to a INTEGER parameter"),
                Arguments.of("age", "99999999999999999999999", "to a INTEGER parameter"),
                Arguments.of("name", 42, "cannot bind a Integer '42' to a VARCHAR parameter; expected String"),
                Arguments.of("name", List.of("Ann"), "to a VARCHAR parameter"),
                Arguments.of("name", new char[] {'A'}, "to a VARCHAR parameter"),
                Arguments.of("score", new BigInteger("123456789012345678901234567890"), "fits BIGINT"),
                Arguments.of("score", "12", "to a BIGINT parameter"),
                Arguments.of("id", "one", "cannot"));
    }

    @ParameterizedTest
    @MethodSource("wrongTypes")
    void aValueOfTheWrongJavaTypeIsAnArgumentErrorInFiltersAndInserts(String attribute, Object value, String message) {
        refusedAndUnchanged(
                () -> {
                    try (Session session = sessions.openSession()) {
                        session.query(Person.class).filterBy(attribute, value).all();
                    }
                },
                ArgumentError.class,
                message);
        dev.alchemy.schema.Table people = Base.of(Person.class).metadata().table("people");
        Map<String, Object> row = new HashMap<>(Map.of("name", "New"));
        row.put(attribute, value);
        refusedAndUnchanged(
                () -> {
                    try (Connection conn = engine.connect()) {
                        conn.execute(insert(people).values(row));
                        conn.commit();
                    }
                },
                ArgumentError.class,
                message);
    }

    @Test
    void aWrongTypeInABulkUpdateIsAnArgumentError() {
        refusedAndUnchanged(
                () -> {
                    try (Session session = sessions.openSession()) {
                        session.query(Person.class).update(Map.of("age", "old"));
                        session.commit();
                    }
                },
                ArgumentError.class,
                "cannot bind a String 'old' to a INTEGER parameter");
    }

    @Test
    void aPrimaryKeyOfTheWrongTypeIsAnArgumentError() {
        refusedAndUnchanged(
                () -> {
                    try (Session session = sessions.openSession()) {
                        session.get(Person.class, "abc");
                    }
                },
                ArgumentError.class,
                "cannot convert String 'abc' to Long");
    }

    // ------------------------------------------------------------------ NULL into NOT NULL, duplicates

    @Test
    void nullIntoNotNullThroughTheSessionIsAnIntegrityErrorNamingTheColumn() {
        refusedAndUnchanged(
                () -> {
                    try (Session session = sessions.openSession()) {
                        session.add(new Person(null, 1));
                        session.commit();
                    }
                },
                IntegrityError.class,
                "name",
                "null");
    }

    @Test
    void oneNullInABatchKeepsNoneOfTheBatch() {
        refusedAndUnchanged(
                () -> {
                    try (Session session = sessions.openSession()) {
                        for (int i = 0; i < 20; i++) {
                            session.add(new Person(i == 13 ? null : "p" + i, i));
                        }
                        session.commit();
                    }
                },
                IntegrityError.class,
                "name");
    }

    @Test
    void nullIntoNotNullThroughABulkUpdateIsAnIntegrityError() {
        Map<String, Object> values = new HashMap<>();
        values.put("name", null);
        refusedAndUnchanged(
                () -> {
                    try (Session session = sessions.openSession()) {
                        session.query(Person.class).update(values);
                        session.commit();
                    }
                },
                IntegrityError.class,
                "name");
    }

    @Test
    void nullIntoNotNullThroughCoreIsAnIntegrityError() {
        dev.alchemy.schema.Table people = Base.of(Person.class).metadata().table("people");
        Map<String, Object> values = new HashMap<>();
        values.put("name", null);
        refusedAndUnchanged(
                () -> {
                    try (Connection conn = engine.connect()) {
                        conn.execute(insert(people).values(values));
                        conn.commit();
                    }
                },
                IntegrityError.class,
                "name");
    }

    @Test
    void nullIntoNotNullThroughTextSqlIsAnIntegrityError() {
        refusedAndUnchanged(
                () -> engine.useTransaction(conn -> {
                    conn.execute(text("UPDATE people SET age = 99"));
                    conn.execute(text("UPDATE people SET name = NULL WHERE name = 'Bob'"));
                }),
                IntegrityError.class,
                "name");
    }

    @Test
    void aDuplicateUniqueValueIsAnIntegrityErrorAndTheEarlierRowsOfTheFlushAreUndone() {
        refusedAndUnchanged(
                () -> {
                    try (Session session = sessions.openSession()) {
                        session.add(new Person("Dee", 5));
                        Person copy = new Person("Ann again", 31);
                        copy.email = "ann@example.com";
                        session.add(copy);
                        session.commit();
                    }
                },
                IntegrityError.class,
                "email");
    }

    // ------------------------------------------------------------------ oversized values

    @Test
    void aStringLongerThanItsColumnIsADataErrorOnPostgresqlAndMariadbAndKeptWholeOnSqlite() {
        String tooLong = "x".repeat(101);
        if (!db.isSqlite()) {
            refusedAndUnchanged(
                    () -> {
                        try (Session session = sessions.openSession()) {
                            session.add(new Person(tooLong, 1));
                            session.commit();
                        }
                    },
                    DataError.class,
                    db.isMariadb()
                            ? "Data too long for column 'name'" // strict mode refuses it, never cuts it
                            : "value too long for type character varying(100)");
        } else {
            // SQLite does not enforce VARCHAR lengths, and neither does SQLAlchemy: the text is kept whole, not cut
            try (Session session = sessions.openSession()) {
                Person p = new Person(tooLong, 1);
                session.add(p);
                session.flush();
                session.expireAll();
                assertThat(session.get(Person.class, p.id).name).isEqualTo(tooLong);
                session.rollback();
            }
        }
    }

    @Test
    void aNumberOutOfItsColumnsRangeIsAnArgumentErrorBeforeItReachesTheDatabase() {
        refusedAndUnchanged(
                () -> {
                    try (Connection conn = engine.connect()) {
                        conn.execute(insert(Base.of(Person.class).metadata().table("people"))
                                .values(Map.of("name", "big", "age", Long.MAX_VALUE)));
                    }
                },
                ArgumentError.class,
                "out of range for INTEGER");
    }

    @Test
    void aFiveMegabyteTextRoundTripsWhole() {
        String big = "0123456789abcdef".repeat(5 * 65536);
        List<String> before = dump();
        try (Session session = sessions.openSession()) {
            Person p = new Person("big", 1);
            p.note = big;
            session.add(p);
            session.flush();
            session.expireAll();
            assertThat(session.get(Person.class, p.id).note).isEqualTo(big);
            session.rollback();
        }
        assertThat(dump()).isEqualTo(before);
    }

    // ------------------------------------------------------------------ unicode and NUL

    static Stream<String> unicode() {
        return Stream.of(
                "Zoë Ångström",
                "日本語のテキスト",
                "emoji 😀🎉 and a flag 🇩🇪",
                "family 👨‍👩‍👧‍👦 (zero-width joiners)",
                "right-to-left \u202Eevil\u202C override",
                "e\u0301 (combining acute, not NFC)",
                "\uFEFFbyte order mark",
                "zero\u200Bwidth space",
                "𝔘𝔫𝔦𝔠𝔬𝔡𝔢 outside the BMP",
                "new\nline\ttab\r\nCRLF",
                "quote ' double \" backslash \\ percent % underscore _");
    }

    @ParameterizedTest
    @MethodSource("unicode")
    void unicodeTextRoundTripsExactlyAndMatchesOnlyItself(String value) {
        List<String> before = dump();
        try (Session session = sessions.openSession()) {
            Person p = new Person(value, 7);
            p.note = value;
            session.add(p);
            session.flush();
            session.expireAll();
            Person back = session.query(Person.class).filterBy("note", value).one();
            assertThat(back.note).isEqualTo(value);
            assertThat(back.note.codePoints().toArray())
                    .isEqualTo(value.codePoints().toArray());
            session.rollback();
        }
        assertThat(dump()).isEqualTo(before);
    }

    @Test
    void composedAndDecomposedFormsAreDifferentValues() {
        try (Session session = sessions.openSession()) {
            session.add(new Person("\u00e9", 1)); // é, one code point
            session.flush();
            session.expireAll();
            if (db.isMariadb()) {
                // MariaDB's default collation (utf8mb4_uca1400_ai_ci) compares them equal, as it compares 'e' and
                // 'é'; the stored text is still the one code point: no silent normalization
                assertThat(session.query(Person.class)
                                .filterBy("name", "e\u0301")
                                .all())
                        .singleElement()
                        .satisfies(p -> assertThat(p.name).isEqualTo("\u00e9"));
            } else {
                assertThat(session.query(Person.class)
                                .filterBy("name", "e\u0301")
                                .all())
                        .isEmpty(); // no silent normalization
            }
            session.rollback();
        }
    }

    @ParameterizedTest
    @MethodSource("loneSurrogates")
    void textWithALoneSurrogateIsRefusedInsteadOfStoredAsQuestionMarks(String value) {
        refusedAndUnchanged(
                () -> {
                    try (Session session = sessions.openSession()) {
                        session.add(new Person(value, 1));
                        session.commit();
                    }
                },
                dev.alchemy.exc.UnencodableTextError.class,
                "unpaired UTF-16 surrogate",
                "cannot be encoded as UTF-8");
        refusedAndUnchanged(
                () -> {
                    try (Session session = sessions.openSession()) {
                        session.query(Person.class).filterBy("name", value).all();
                    }
                },
                dev.alchemy.exc.UnencodableTextError.class,
                "unpaired UTF-16 surrogate");
    }

    static Stream<String> loneSurrogates() {
        String emoji = "😀";
        return Stream.of(
                "a\uD800b", "ends high \uD83D", "\uDE00 starts low", emoji.substring(1) + emoji.substring(0, 1));
    }

    @Test
    void nulInTextRoundTripsOnSqliteAndMariadbAndIsADataErrorOnPostgresql() {
        String withNul = "before\u0000after";
        if (db.isPostgresql()) {
            refusedAndUnchanged(
                    () -> {
                        try (Session session = sessions.openSession()) {
                            Person p = new Person("nul", 1);
                            p.note = withNul;
                            session.add(p);
                            session.commit();
                        }
                    },
                    DataError.class,
                    "0x00");
        } else {
            try (Session session = sessions.openSession()) {
                Person p = new Person("nul", 1);
                p.note = withNul;
                session.add(p);
                session.flush();
                session.expireAll();
                assertThat(session.get(Person.class, p.id).note)
                        .isEqualTo(withNul)
                        .hasSize(12);
                session.rollback();
            }
        }
    }

    // ------------------------------------------------------------------ malformed SQL text

    static Stream<Arguments> badSql() {
        return Stream.of(
                Arguments.of("SELEC 1", ProgrammingError.class, "SELEC"),
                Arguments.of("SELECT * FROM no_such_table", ProgrammingError.class, "no_such_table"),
                Arguments.of(
                        "INSERT INTO people (no_such_column) VALUES (1)", ProgrammingError.class, "no_such_column"),
                Arguments.of("DELETE FROM people WHERE", ProgrammingError.class, "DELETE FROM people WHERE"),
                Arguments.of("UPDATE people SET name = 'x' WHERE id = :id", ArgumentError.class, "'id'"));
    }

    @ParameterizedTest
    @MethodSource("badSql")
    void malformedTextSqlIsAProgrammingErrorAndChangesNothing(
            String sql, Class<? extends AlchemyException> error, String message) {
        refusedAndUnchanged(
                () -> engine.useTransaction(conn -> {
                    conn.execute(text("UPDATE people SET age = 1"));
                    conn.execute(text(sql));
                }),
                error,
                message);
    }
}
