package dev.alchemy.boot.autoconfigure.reliability;

import dev.alchemy.orm.Session;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The service: create, read, and save an edited copy, as two web requests (show the form, submit it) would. */
@Service
public class Documents {

    private final Session session;

    Documents(Session session) {
        this.session = session;
    }

    @Transactional
    public Document create(String body) {
        Document d = new Document(body);
        session.add(d);
        session.flush();
        return d;
    }

    public @Nullable Document find(int id) {
        return session.get(Document.class, id);
    }

    /** Reads the document, then adds a note to it: a read, then a write, in one transaction. */
    @Transactional
    public int addNote(int documentId, String text) {
        Document d = session.get(Document.class, documentId);
        if (d == null) {
            throw new IllegalArgumentException("no document " + documentId);
        }
        Note note = new Note(documentId, text + " on " + d.body);
        session.add(note);
        session.flush();
        return note.id;
    }

    @Transactional
    public Counter createCounter() {
        Counter c = new Counter(0);
        session.add(c);
        session.flush();
        return c;
    }

    public int hits(int counterId) {
        Counter c = session.get(Counter.class, counterId);
        if (c == null) {
            throw new IllegalArgumentException("no counter " + counterId);
        }
        return c.hits;
    }

    /**
     * Reads the counter, then writes it plus one, with neither a lock nor a version: two of these at once can lose
     * an update on PostgreSQL. {@code afterRead} runs between the read and the write (a test lines two up there).
     */
    @Transactional
    public void incrementUnlocked(int counterId, Runnable afterRead) {
        Counter c = session.get(Counter.class, counterId);
        if (c == null) {
            throw new IllegalArgumentException("no counter " + counterId);
        }
        afterRead.run();
        c.hits = c.hits + 1;
    }

    /**
     * Reads the counter with {@code session.getForUpdate} ({@code SELECT ... FOR UPDATE}), then writes it plus one:
     * concurrent calls queue for the row. {@code afterRead} runs between the read and the write.
     */
    @Transactional
    public void incrementLocked(int counterId, Runnable afterRead) {
        Counter c = session.getForUpdate(Counter.class, counterId);
        if (c == null) {
            throw new IllegalArgumentException("no counter " + counterId);
        }
        afterRead.run();
        c.hits = c.hits + 1;
    }

    /**
     * Reads the versioned document, then changes its body, in one transaction; {@code afterRead} runs between the
     * read and the write.
     */
    @Transactional
    public void edit(int documentId, String body, Runnable afterRead) {
        Document d = session.get(Document.class, documentId);
        if (d == null) {
            throw new IllegalArgumentException("no document " + documentId);
        }
        afterRead.run();
        d.body = body;
    }

    /**
     * Saves an edited copy loaded by an earlier request; waits at the barrier so that two saves commit together.
     */
    @Transactional
    public void save(Document edited, String body, CyclicBarrier together) throws Exception {
        session.add(edited);
        edited.body = body;
        together.await(10, TimeUnit.SECONDS);
    }
}
