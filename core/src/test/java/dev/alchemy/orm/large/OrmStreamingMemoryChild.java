package dev.alchemy.orm.large;

import static dev.alchemy.Alchemy.column;

import dev.alchemy.Alchemy;
import dev.alchemy.engine.Engine;
import dev.alchemy.orm.Base;
import dev.alchemy.orm.Query;
import dev.alchemy.orm.Session;
import dev.alchemy.orm.SessionFactory;
import java.util.stream.Stream;

/**
 * The child JVM of {@link OrmStreamingMemoryTest}, started with a 64 MB heap: exports every {@link Event} through
 * the ORM, {@code yieldPer(1000)} with each batch expunged ({@code expunge}) or kept in the session ({@code keep}),
 * and prints {@code ROWS n SUM s}, or {@code OUT OF MEMORY} (exit status 3) when the heap was too small.
 */
final class OrmStreamingMemoryChild {

    private OrmStreamingMemoryChild() {}

    public static void main(String[] args) {
        String url = args[0];
        boolean expunge = args[1].equals("expunge");
        long rows = 0;
        long sum = 0;
        try (Engine engine = Alchemy.createEngine(url);
                Session session = new SessionFactory(engine).openSession()) {
            Base.of(Event.class);
            Query<Event> query = session.query(Event.class)
                    .orderBy(column(Event.class, "id"))
                    .yieldPer(1000);
            if (expunge) {
                query = query.expungeEachBatch();
            }
            try (Stream<Event> events = query.stream()) {
                for (Event e : (Iterable<Event>) events::iterator) {
                    rows++;
                    sum += e.id;
                    if (e.payload.length() != 100) {
                        throw new AssertionError("payload of event " + e.id + ": " + e.payload);
                    }
                }
            }
        } catch (OutOfMemoryError e) {
            System.out.println("OUT OF MEMORY");
            System.out.flush();
            System.exit(3);
        }
        System.out.println("ROWS " + rows + " SUM " + sum + " MAXHEAP "
                + Runtime.getRuntime().maxMemory());
    }
}
