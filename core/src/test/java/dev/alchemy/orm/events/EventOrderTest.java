package dev.alchemy.orm.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.alchemy.engine.Connection;
import dev.alchemy.engine.Engine;
import dev.alchemy.engine.Transaction;
import dev.alchemy.exc.IntegrityError;
import dev.alchemy.orm.Base;
import dev.alchemy.orm.MapperEvents;
import dev.alchemy.orm.Session;
import dev.alchemy.orm.SessionEvents;
import dev.alchemy.orm.SessionFactory;
import dev.alchemy.testing.OnDatabases;
import dev.alchemy.testing.TestDatabase;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;

/**
 * Alchemy fires its ORM events in SQLAlchemy's order. The scenario is event_order.py's, step for step; what SQLAlchemy
 * 1.4.46 printed for it is the resource event_order.txt (regenerate it with {@code python3 event_order.py}).
 */
@OnDatabases
class EventOrderTest {

    @Parameter
    TestDatabase db;

    Engine engine;
    Base base;
    SessionFactory sessions;
    final List<String> log = new ArrayList<>();

    @BeforeEach
    void setUp() {
        engine = db.createEngine();
        base = Base.of(Item.class);
        base.metadata().createAll(engine);
        sessions = new SessionFactory(engine)
                .withListener(Item.class, new MapperEvents<>() {
                    public void beforeInsert(Connection c, Item target) {
                        log.add("before_insert " + target.name);
                    }

                    public void afterInsert(Connection c, Item target) {
                        log.add("after_insert " + target.name);
                    }

                    public void beforeUpdate(Connection c, Item target) {
                        log.add("before_update " + target.name);
                    }

                    public void afterUpdate(Connection c, Item target) {
                        log.add("after_update " + target.name);
                    }

                    public void beforeDelete(Connection c, Item target) {
                        log.add("before_delete " + target.name);
                    }

                    public void afterDelete(Connection c, Item target) {
                        log.add("after_delete " + target.name);
                    }

                    public void load(Item target) {
                        log.add("load " + target.name);
                    }

                    public void refresh(Item target) {
                        log.add("refresh " + target.name);
                    }
                })
                .withListener(new SessionEvents() {
                    public void afterBegin(Session session, Connection connection) {
                        log.add("after_begin");
                    }

                    public void beforeFlush(Session session) {
                        log.add("before_flush");
                    }

                    public void afterFlush(Session session) {
                        log.add("after_flush");
                    }

                    public void afterFlushPostexec(Session session) {
                        log.add("after_flush_postexec");
                    }

                    public void beforeCommit(Session session) {
                        log.add("before_commit");
                    }

                    public void afterCommit(Session session) {
                        log.add("after_commit");
                    }

                    public void afterRollback(Session session) {
                        log.add("after_rollback");
                    }

                    public void afterSoftRollback(Session session) {
                        log.add("after_soft_rollback");
                    }
                })
                .withListener(
                        new SessionEvents() { // event_order.py's audit listener
                            public void beforeFlush(Session session) {
                                if (session.newObjects().stream()
                                        .anyMatch(o -> o instanceof Item i && "g".equals(i.name))) {
                                    session.add(new Item("audit"));
                                }
                            }
                        });
    }

    @AfterEach
    void tearDown() {
        db.reset();
    }

    @Test
    void eventsFireInSqlalchemysOrder() throws IOException {
        Map<String, List<String>> steps = new LinkedHashMap<>();
        try (Session s = sessions.openSession()) {
            s.add(new Item("a"));
            s.add(new Item("b"));
            s.commit();
            step(steps, "insert two, commit");
        }
        try (Session s = sessions.openSession()) {
            List<Item> ab =
                    s.query(Item.class).orderBy(base.table(Item.class).c("id")).all();
            step(steps, "query two");
            ab.get(0).name = "a2";
            s.delete(ab.get(1));
            s.add(new Item("c"));
            s.commit();
            step(steps, "update, delete, insert, commit");
        }
        try (Session s = sessions.openSession()) {
            s.add(new Item("d"));
            s.flush();
            s.rollback();
            step(steps, "insert, flush, rollback");
        }
        try (Session s = sessions.openSession()) {
            Item c = s.query(Item.class).filterBy("name", "c").one();
            log.clear();
            s.refresh(c);
            step(steps, "refresh");
            Transaction nested = s.beginNested();
            s.add(new Item("e"));
            nested.rollback();
            step(steps, "savepoint: insert, rollback to it");
            nested = s.beginNested();
            s.add(new Item("f"));
            nested.commit();
            step(steps, "savepoint: insert, release");
            s.commit();
            step(steps, "commit");
        }
        try (Session s = sessions.openSession()) {
            s.add(new Item("g"));
            s.commit();
            step(steps, "before_flush adds an object");
        }
        try (Session s = sessions.openSession()) {
            s.add(new Item(1, "dup"));
            assertThatThrownBy(s::commit).isInstanceOf(IntegrityError.class);
            step(steps, "failed flush (duplicate key) in commit");
            s.rollback();
            step(steps, "rollback after the failed flush");
        }

        Map<String, List<String>> expected = sqlalchemysOrder();
        // the one difference: a savepoint's SAVEPOINT runs at beginNested() in Alchemy, when SQLAlchemy 1.4 defers it
        // to the savepoint's first statement, so after_begin comes first there
        for (String step : List.of("savepoint: insert, rollback to it", "savepoint: insert, release")) {
            List<String> events = new ArrayList<>(expected.get(step));
            events.remove("after_begin");
            events.add(0, "after_begin");
            expected.put(step, events);
        }
        assertThat(steps).containsExactlyEntriesOf(expected);
    }

    private void step(Map<String, List<String>> steps, String title) {
        steps.put(title, List.copyOf(log));
        log.clear();
    }

    private static Map<String, List<String>> sqlalchemysOrder() throws IOException {
        String text;
        try (InputStream in = Objects.requireNonNull(
                EventOrderTest.class.getResourceAsStream("/sqlalchemy/event_order.txt"), "event_order.txt")) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Map<String, List<String>> steps = new LinkedHashMap<>();
        List<String> current = null;
        for (String line : text.split("\n")) {
            if (line.startsWith("## ")) {
                current = new ArrayList<>();
                steps.put(line.substring(3), current);
            } else if (!line.isBlank()) {
                Objects.requireNonNull(current).add(line);
            }
        }
        return steps;
    }
}
