package dev.alchemy.orm.large;

import static dev.alchemy.Alchemy.column;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.alchemy.engine.Engine;
import dev.alchemy.engine.StatementEvent;
import dev.alchemy.exc.ArgumentError;
import dev.alchemy.orm.Base;
import dev.alchemy.orm.Query;
import dev.alchemy.orm.Session;
import dev.alchemy.orm.SessionFactory;
import dev.alchemy.orm.roundtrips.Address;
import dev.alchemy.orm.roundtrips.User;
import dev.alchemy.sql.Keyset;
import dev.alchemy.sql.KeysetPage;
import dev.alchemy.sql.OffsetPage;
import dev.alchemy.testing.OnDatabases;
import dev.alchemy.testing.TestDatabase;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;

/**
 * ORM pagination (issue 24): {@code Query.page} (offset pages with the total, counted by the database) and
 * {@code Query.keysetPage} (seek pages whose position is read from the last object), built on Core's
 * {@link OffsetPage} and {@link KeysetPage}, with the session's loader criteria.
 */
@OnDatabases
class OrmPaginationTest {

    @Parameter
    TestDatabase db;

    Engine engine;
    SessionFactory sessions;
    final List<StatementEvent> statements = new CopyOnWriteArrayList<>();

    @BeforeEach
    void setUp() {
        engine = db.createEngine();
        Base.of(User.class, Address.class).metadata().createAll(engine);
        sessions = new SessionFactory(engine);
        try (Session session = sessions.openSession()) {
            List<User> users = new ArrayList<>();
            for (int i = 0; i < 95; i++) {
                users.add(new User("name" + (char) ('a' + i % 10))); // ten names, repeated: ties broken by id
            }
            session.addAll(users);
            session.commit();
        }
        engine.addStatementListener(statements::add);
    }

    @AfterEach
    void tearDown() {
        db.reset();
    }

    private static Query<User> byNameThenId(Session session) {
        return session.query(User.class).orderBy(column(User.class, "name"), column(User.class, "id"));
    }

    private List<String> sql(String part) {
        return statements.stream()
                .map(StatementEvent::sql)
                .filter(s -> s.contains(part))
                .toList();
    }

    @Test
    void offsetPagesWithTheTotal() {
        try (Session session = sessions.openSession()) {
            List<User> all = byNameThenId(session).all();
            OffsetPage<User> third = byNameThenId(session).page(3, 20);
            assertThat(third.items()).containsExactlyElementsOf(all.subList(40, 60));
            assertThat(third.total()).isEqualTo(95);
            assertThat(third.totalPages()).isEqualTo(5);
            assertThat(third.hasNext()).isTrue();
            assertThat(sql("count(*)")).hasSize(1);

            statements.clear();
            OffsetPage<User> last = byNameThenId(session).page(5, 20);
            assertThat(last.items()).containsExactlyElementsOf(all.subList(80, 95));
            assertThat(last.total()).isEqualTo(95);
            assertThat(last.hasNext()).isFalse();
            assertThat(sql("count(*)")).as("the last page tells the total").isEmpty();

            OffsetPage<User> past = byNameThenId(session).page(6, 20);
            assertThat(past.items()).isEmpty();
            assertThat(past.total()).isEqualTo(95);
        }
    }

    @Test
    void pagesNeedAnOrderAndNoLimitOfTheirOwn() {
        try (Session session = sessions.openSession()) {
            assertThatThrownBy(() -> session.query(User.class).page(1, 10))
                    .isInstanceOf(ArgumentError.class)
                    .hasMessageContaining("ORDER BY");
            assertThatThrownBy(() -> byNameThenId(session).limit(5).page(1, 10))
                    .isInstanceOf(ArgumentError.class)
                    .hasMessageContaining("LIMIT");
            assertThatThrownBy(() -> byNameThenId(session).keysetPage(0, null)).isInstanceOf(ArgumentError.class);
            assertThatThrownBy(() -> session.query(User.class)
                            .orderBy(column(Address.class, "id"))
                            .join("addresses")
                            .keysetPage(10, null))
                    .isInstanceOf(ArgumentError.class)
                    .hasMessageContaining("join");
        }
    }

    @Test
    void aKeysetWalkVisitsEveryObjectOnceInOrderSeekingEachPage() {
        try (Session session = sessions.openSession()) {
            List<User> all = byNameThenId(session).all();
            List<User> walked = new ArrayList<>();
            KeysetPage<User> page = byNameThenId(session).keysetPage(20, null);
            walked.addAll(page.items());
            int pages = 1;
            while (page.hasNext()) {
                page = byNameThenId(session).keysetPage(20, page.next());
                walked.addAll(page.items());
                pages++;
            }
            assertThat(pages).isEqualTo(5);
            assertThat(walked).containsExactlyElementsOf(all);
            // each page after the first seeks past the previous one's last object (SQLite writes OFFSET 0 always)
            assertThat(sql("WHERE users.name >= ? AND (users.name > ? OR users.name = ? AND users.id > ?)"))
                    .hasSize(4);
        }
    }

    @Test
    void aPositionFromAClientResumesTheWalk() {
        try (Session session = sessions.openSession()) {
            List<User> all = byNameThenId(session).all();
            User tenth = all.get(9);
            KeysetPage<User> page = byNameThenId(session).keysetPage(5, Keyset.of(tenth.name, tenth.id));
            assertThat(page.items()).containsExactlyElementsOf(all.subList(10, 15));
            assertThat(page.next()).isEqualTo(Keyset.of(all.get(14).name, all.get(14).id));
        }
    }

    @Test
    void descendingKeysetPages() {
        try (Session session = sessions.openSession()) {
            Query<User> newestFirst =
                    session.query(User.class).orderBy(column(User.class, "id").desc());
            KeysetPage<User> first = newestFirst.keysetPage(30, null);
            KeysetPage<User> second = newestFirst.keysetPage(30, first.next());
            assertThat(second.items().get(0).id).isEqualTo(first.items().get(29).id - 1);
        }
    }

    @Test
    void loaderCriteriaApplyToThePageAndItsCount() {
        SessionFactory some =
                sessions.withLoaderCriteria(User.class, t -> t.c("name").ne("namea"));
        try (Session session = some.openSession()) {
            OffsetPage<User> page = byNameThenId(session).page(2, 20);
            assertThat(page.total()).isEqualTo(85);
            assertThat(page.items()).noneMatch(u -> u.name.equals("namea"));
            KeysetPage<User> keyset = byNameThenId(session).keysetPage(100, null);
            assertThat(keyset.items()).hasSize(85);
            assertThat(keyset.hasNext()).isFalse();
        }
    }
}
