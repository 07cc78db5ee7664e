package dev.alchemy.orm;

import dev.alchemy.exc.ArgumentError;
import dev.alchemy.exc.MultipleResultsFound;
import dev.alchemy.exc.NoResultFound;
import dev.alchemy.exc.ResourceClosedError;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.jspecify.annotations.Nullable;

/**
 * The objects a query returned, like SQLAlchemy's {@code ScalarResult}.
 *
 * <pre>{@code
 * List<User> users = session.scalars(select(User.class).where(where(User::getName).eq("Alice"))).all();
 * }</pre>
 *
 * <p>A result of a select with {@link EntitySelect#yieldPer(int)} is <b>streamed</b>: its objects are built a batch
 * of rows at a time, as they are read, from a database cursor that stays open until the last row was read or the
 * result is closed. Such a result <b>must be closed</b>, best with try-with-resources; one left open is closed when
 * the session's transaction ends or the session closes, and reading it after that raises
 * {@link ResourceClosedError}. It is one pass: {@link #iterator()}, {@link #stream()}, {@link #partitions(int)} and
 * {@link #all()} continue from where the previous read stopped. {@link #first()}, {@link #one()} and
 * {@link #oneOrNone()} close it. Closing a result read completely (no yieldPer) does nothing.
 *
 * <pre>{@code
 * try (ScalarResult<Event> events = session.scalars(select(Event.class).yieldPer(1000))) {
 *     for (Event e : events) {
 *         out.write(e.getPayload());
 *     }
 * }
 * }</pre>
 *
 * @param <T> the type of the objects
 */
public final class ScalarResult<T> implements Iterable<T>, AutoCloseable {

    /** Every object, when read completely; null when streamed. */
    private final @Nullable List<T> items;
    /** The batches still to read, when streamed. */
    private final @Nullable Iterator<List<T>> batches;

    private final Runnable closer;
    /** The rows per batch, for {@link #partitions()}. */
    private final int batchSize;
    /** The current batch's objects not handed out yet. */
    private Iterator<T> current = Collections.emptyIterator();

    private boolean closed;
    /** Whether the last batch was read (the result closed itself). */
    private boolean exhausted;

    /**
     * @param items the objects, in order
     */
    public ScalarResult(List<T> items) {
        this.items =
                items instanceof dev.alchemy.orm.internal.loading.LoadedList<T> loaded ? loaded : List.copyOf(items);
        this.batches = null;
        this.closer = () -> {};
        this.batchSize = Math.max(1, this.items.size());
    }

    private ScalarResult(Iterator<List<T>> batches, Runnable closer, int batchSize) {
        this.items = null;
        this.batches = batches;
        this.closer = closer;
        this.batchSize = batchSize;
    }

    /**
     * A streamed result: objects read a batch at a time. For sessions and their queries; {@code batches} reports
     * the end with {@code hasNext() == false}.
     *
     * @param batches the batches of objects, in order, read as they are asked for
     * @param close releases what the batches are read from; run once, by {@link #close()} or after the last batch
     * @param batchSize the objects per batch, for {@link #partitions()}
     * @param <T> the type of the objects
     * @return the result; close it
     */
    public static <T> ScalarResult<T> streamed(Iterator<List<T>> batches, Runnable close, int batchSize) {
        return new ScalarResult<>(
                Objects.requireNonNull(batches, "batches"), Objects.requireNonNull(close, "close"), batchSize);
    }

    /** @return this result, so that {@code session.execute(select(User.class)).scalars().all()} reads as in SQLAlchemy */
    public ScalarResult<T> scalars() {
        return this;
    }

    /** @return whether the objects are read a batch at a time from an open cursor ({@link EntitySelect#yieldPer}) */
    public boolean isStreamed() {
        return items == null;
    }

    /**
     * The objects without repeats (by identity), in first-seen order, like SQLAlchemy's {@code .unique()}: needed when
     * a join to a collection repeats the owning rows. On a streamed result it remembers every object handed out, so
     * use it there only when a join repeats them.
     *
     * @return the unique objects
     */
    public ScalarResult<T> unique() {
        List<T> all = items;
        if (all == null) {
            Iterator<List<T>> source = Objects.requireNonNull(batches);
            Set<Object> seen = Collections.newSetFromMap(new IdentityHashMap<>());
            Iterator<List<T>> uniqueBatches = new Iterator<>() {
                @Override
                public boolean hasNext() {
                    return source.hasNext();
                }

                @Override
                public List<T> next() {
                    List<T> batch = source.next();
                    List<T> kept = new ArrayList<>(batch.size());
                    for (T item : batch) {
                        if (seen.add(item)) {
                            kept.add(item);
                        }
                    }
                    return kept;
                }
            };
            return new ScalarResult<>(uniqueBatches, this::close, batchSize);
        }
        if (all.size() < 2
                || (all instanceof dev.alchemy.orm.internal.loading.LoadedList<T> loaded && loaded.isDistinct())) {
            return this;
        }
        Set<Object> seen = Collections.newSetFromMap(new IdentityHashMap<>(all.size()));
        for (int i = 0; i < all.size(); i++) {
            if (!seen.add(all.get(i))) {
                // a repeat: keep the first of each, in order (the common case, no repeats, copies nothing)
                List<T> unique = new ArrayList<>(all.subList(0, i));
                for (int j = i + 1; j < all.size(); j++) {
                    if (seen.add(all.get(j))) {
                        unique.add(all.get(j));
                    }
                }
                return new ScalarResult<>(unique);
            }
        }
        return this;
    }

    /** @return every object (of a streamed result: every one not read yet, and the result is then closed) */
    public List<T> all() {
        if (items != null) {
            return items;
        }
        List<T> rest = new ArrayList<>();
        for (T item : this) {
            rest.add(item);
        }
        close();
        return Collections.unmodifiableList(rest);
    }

    /** @return the first object, or null when there is none (a streamed result is closed after it) */
    public @Nullable T first() {
        if (items != null) {
            return items.isEmpty() ? null : items.get(0);
        }
        try {
            Iterator<T> it = iterator();
            return it.hasNext() ? it.next() : null;
        } finally {
            close();
        }
    }

    /**
     * @return the only object
     * @throws NoResultFound when there is none
     * @throws MultipleResultsFound when there are several
     */
    public T one() {
        List<T> found = upToTwo();
        if (found.isEmpty()) {
            throw new NoResultFound("no object was found when one was required");
        }
        return Objects.requireNonNull(oneOf(found));
    }

    /**
     * @return the only object, or null
     * @throws MultipleResultsFound when there are several
     */
    public @Nullable T oneOrNone() {
        return oneOf(upToTwo());
    }

    private @Nullable T oneOf(List<T> found) {
        if (found.size() > 1) {
            throw new MultipleResultsFound((items != null ? items.size() + " objects were" : "several objects were")
                    + " found when one was required");
        }
        return found.isEmpty() ? null : found.get(0);
    }

    private List<T> upToTwo() {
        if (items != null) {
            return items;
        }
        try {
            List<T> found = new ArrayList<>(2);
            Iterator<T> it = iterator();
            while (found.size() < 2 && it.hasNext()) {
                found.add(it.next());
            }
            return found;
        } finally {
            close();
        }
    }

    /**
     * The first object as an {@link Optional}, named as {@link Stream#findFirst()} and JDBI's {@code findFirst()}.
     *
     * @return the first object, or empty when there is none
     */
    public Optional<T> findFirst() {
        return Optional.ofNullable(first());
    }

    /**
     * The only object as an {@link Optional}, named as JDBI's {@code findOne()}: {@link #oneOrNone()} for code that
     * maps or chains the result.
     *
     * @return the only object, or empty when there is none
     * @throws MultipleResultsFound when there are several
     */
    public Optional<T> findOne() {
        return Optional.ofNullable(oneOrNone());
    }

    /**
     * The objects as a stream: lazy for a streamed result, whose batches are read as the stream advances. Closing the
     * stream closes this result, so the stream alone may be kept in try-with-resources:
     *
     * <pre>{@code
     * try (Stream<User> users = session.scalars(select(User.class).yieldPer(500)).stream()) {
     *     users.map(User::getEmail).forEach(mailer::send);
     * }
     * }</pre>
     *
     * @return the objects; close it when this result is streamed
     */
    public Stream<T> stream() {
        if (items != null) {
            return items.stream();
        }
        return StreamSupport.stream(
                        Spliterators.spliteratorUnknownSize(iterator(), Spliterator.ORDERED | Spliterator.NONNULL),
                        false)
                .onClose(this::close);
    }

    /**
     * The objects in lists of the batch size ({@link EntitySelect#yieldPer}), as SQLAlchemy's {@code partitions()}:
     * one list per batch of rows, for work done per batch.
     *
     * @return the lists, read lazily
     */
    public Iterable<List<T>> partitions() {
        return partitions(batchSize);
    }

    /**
     * The objects in lists of {@code size} (the last one may be shorter), read a list at a time, as SQLAlchemy's
     * {@code partitions(size)}.
     *
     * <pre>{@code
     * try (ScalarResult<User> users = session.scalars(select(User.class).yieldPer(500))) {
     *     for (List<User> batch : users.partitions(100)) {
     *         searchIndex.addAll(batch);
     *     }
     * }
     * }</pre>
     *
     * @param size the objects per list, 1 or more
     * @return the lists, read lazily
     * @throws ArgumentError when size is less than 1
     */
    public Iterable<List<T>> partitions(int size) {
        if (size < 1) {
            throw new ArgumentError("partitions needs a size of 1 or more, was " + size);
        }
        return () -> new Iterator<>() {
            private final Iterator<T> objects = iterator();

            @Override
            public boolean hasNext() {
                return objects.hasNext();
            }

            @Override
            public List<T> next() {
                if (!objects.hasNext()) {
                    throw new NoSuchElementException("no objects left");
                }
                List<T> batch = new ArrayList<>(Math.min(size, 4096));
                while (batch.size() < size && objects.hasNext()) {
                    batch.add(objects.next());
                }
                return batch;
            }
        };
    }

    /**
     * The objects; for a streamed result, the ones not read yet, batch by batch.
     *
     * @return the iterator; for a streamed result closed before its end, {@code hasNext()} raises
     *     {@link ResourceClosedError}
     */
    @Override
    public Iterator<T> iterator() {
        if (items != null) {
            return items.iterator();
        }
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return advance();
            }

            @Override
            public T next() {
                if (!advance()) {
                    throw new NoSuchElementException("no objects left");
                }
                return current.next();
            }
        };
    }

    /** Moves to a batch with objects left; false at the end (the result is then closed). */
    private boolean advance() {
        Iterator<List<T>> source = Objects.requireNonNull(batches);
        while (!current.hasNext()) {
            if (exhausted) {
                return false;
            }
            if (closed) {
                throw new ResourceClosedError("this streamed result was closed before its last object; read it "
                        + "inside its try-with-resources block and its transaction");
            }
            if (!source.hasNext()) {
                exhausted = true;
                close();
                return false;
            }
            current = source.next().iterator();
        }
        return true;
    }

    /**
     * Releases a streamed result's cursor (and, with {@link EntitySelect#expungeEachBatch()}, takes the last batch's
     * objects out of the session). Closing twice, or a result read completely, does nothing.
     */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            current = Collections.emptyIterator();
            closer.run();
        }
    }

    @Override
    public String toString() {
        return items != null ? items.toString() : "ScalarResult (streamed" + (closed ? ", closed)" : ")");
    }
}
