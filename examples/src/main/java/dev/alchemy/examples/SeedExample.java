package dev.alchemy.examples;

import static dev.alchemy.Alchemy.createEngine;

import dev.alchemy.engine.Engine;
import dev.alchemy.engine.EngineOptions;
import dev.alchemy.orm.Base;
import dev.alchemy.orm.Session;
import dev.alchemy.orm.SessionFactory;
import java.util.List;

/**
 * SQLAlchemy's seed page in Java, step by step: {@code create_all}, add and commit, query all, {@code filter_by}
 * first, update and commit, delete and commit. The engine echoes every statement it sends (SLF4J logger
 * {@code dev.alchemy.engine} at INFO), so each step's title is followed by its SQL and then its result. Run it from
 * the repository's root:
 *
 * <pre>
 * mvn -B -q -pl examples -am compile exec:java -Dexec.mainClass=dev.alchemy.examples.SeedExample
 * </pre>
 */
public final class SeedExample {

    private SeedExample() {}

    /**
     * Runs the seed, printing each step, the SQL it sends and its result.
     *
     * @param args a database URL, optionally; an in-memory SQLite database ({@code sqlite:///:memory:}) by default
     */
    public static void main(String[] args) {
        String url = args.length > 0 ? args[0] : "sqlite:///:memory:";
        Engine engine = createEngine(url, EngineOptions.defaults().echo(true)); // create_engine(url, echo=True)
        try {
            step("1. create_all: Base.of(User.class).metadata().createAll(engine)");
            Base base = Base.of(User.class); // Base = declarative_base(), class User(Base)
            base.metadata().createAll(engine); // Base.metadata.create_all(engine)

            SessionFactory sessionFactory = new SessionFactory(engine); // Session = sessionmaker(bind=engine)
            try (Session session = sessionFactory.openSession()) { // session = Session()
                step("2. add + commit: the new user is INSERTed and gets its generated id");
                User newUser = new User("Alice", "alice@example.com");
                session.add(newUser);
                session.commit();
                result(newUser);

                step("3. query all: session.query(User.class).all()");
                List<User> users = session.query(User.class).all();
                result(users);

                step("4. filter_by first: session.query(User.class).filterBy(\"name\", \"Alice\").first()");
                User user = session.query(User.class).filterBy("name", "Alice").first();
                result(user);
                if (user == null) {
                    throw new IllegalStateException("Alice was not found");
                }

                step("5. update + commit: the unit of work finds the changed email and UPDATEs only that column");
                user.email = "alice@newdomain.com";
                session.commit();
                result(user);

                step("6. delete + commit");
                session.delete(user);
                session.commit();

                step("7. query all again: nobody is left");
                result(session.query(User.class).all());
            }
        } finally {
            engine.dispose();
        }
    }

    private static void step(String title) {
        System.out.println();
        System.out.println("== " + title);
    }

    private static void result(@org.jspecify.annotations.Nullable Object value) {
        System.out.println("-> " + value);
    }
}
