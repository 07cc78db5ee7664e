package dev.alchemy.reliability;

import static dev.alchemy.Alchemy.text;

import dev.alchemy.Alchemy;
import dev.alchemy.engine.Engine;
import dev.alchemy.orm.Base;
import dev.alchemy.orm.Column;
import dev.alchemy.orm.Session;
import dev.alchemy.orm.SessionFactory;
import dev.alchemy.orm.Table;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;

/**
 * The child JVM of {@link CrashSafetyTest}: commits batches through the Session in an endless loop and prints
 * {@code COMMITTED n} after each commit returns, until the parent kills it. A batch is a header row that says how
 * many items it has, that many item rows, and an update of the one progress row, all in one transaction, so a batch
 * that is only partly there is easy to see.
 */
final class CrashChild {

    /** A batch's header: its number and how many items belong to it. */
    @Table(name = "batches")
    static class Batch {
        @Column(primaryKey = true, autoincrement = Column.Autoincrement.FALSE)
        Long id;

        @Column(nullable = false)
        Integer size;

        Batch() {}

        Batch(long id, int size) {
            this.id = id;
            this.size = size;
        }
    }

    /** One item of a batch; {@code payload} makes the rows large enough to span pages. */
    @Table(name = "items")
    static class Item {
        @Column(primaryKey = true)
        Long id;

        @Column(nullable = false, index = true)
        Long batch;

        @Column(nullable = false)
        Integer seq;

        @Column(nullable = false)
        String payload;

        Item() {}

        Item(long batch, int seq, String payload) {
            this.batch = batch;
            this.seq = seq;
            this.payload = payload;
        }
    }

    /** The one row that says which batch was committed last. */
    @Table(name = "progress")
    static class Progress {
        @Column(primaryKey = true, autoincrement = Column.Autoincrement.FALSE)
        Integer id;

        @Column(name = "last_batch", nullable = false)
        Long lastBatch;

        Progress() {}

        Progress(long lastBatch) {
            this.id = 1;
            this.lastBatch = lastBatch;
        }
    }

    static Base models() {
        return Base.of(Batch.class, Item.class, Progress.class);
    }

    private CrashChild() {}

    /**
     * @param args the SQLite file
     */
    public static void main(String[] args) {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        Engine engine = Alchemy.createEngine("sqlite:///" + args[0]);
        models().metadata().createAll(engine);
        SessionFactory sessions = new SessionFactory(engine);
        Random random = new Random();
        long next;
        try (Session session = sessions.openSession()) {
            Long last = session.execute(text("SELECT max(id) FROM batches")).scalar(Long.class);
            next = last == null ? 1 : last + 1;
            if (session.get(Progress.class, 1) == null) {
                session.add(new Progress(0));
                session.commit();
            }
        }
        out.println("READY " + next);
        while (true) {
            long batch = next++;
            int size = 1 + random.nextInt(40);
            try (Session session = sessions.openSession()) {
                session.add(new Batch(batch, size));
                for (int i = 0; i < size; i++) {
                    session.add(new Item(batch, i, "x".repeat(random.nextInt(600))));
                }
                session.get(Progress.class, 1).lastBatch = batch;
                session.commit();
            }
            out.println("COMMITTED " + batch);
        }
    }
}
