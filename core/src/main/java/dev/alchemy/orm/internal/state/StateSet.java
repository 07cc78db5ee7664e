package dev.alchemy.orm.internal.state;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.jspecify.annotations.Nullable;

/**
 * An insertion-ordered set of object states, for the session's pending objects and the objects new in its
 * transaction: every {@code add} of a 20,000-object {@code addAll} went through a LinkedHashSet entry per set. Each
 * state remembers its slot here, so membership, removal and insertion are an array access; a removal leaves a hole
 * that iteration passes over, and the holes are closed when they outnumber the members (never while a savepoint
 * holds a {@link #mark()}).
 */
public final class StateSet implements Iterable<InstanceState> {

    /** Which of the sets: each has its own slot field in {@link InstanceState}. */
    public enum Kind {
        PENDING,
        NEW_IN_TRANSACTION,
        /** Every object the session holds, in the order it came ({@link IdentityMap#states()}). */
        HELD
    }

    private final Kind kind;
    private final ArrayList<@Nullable InstanceState> slots = new ArrayList<>();
    private int size;
    /** Whether a savepoint holds a {@link #mark()}: compaction would move what it points at. */
    private boolean frozen;

    public StateSet(Kind kind) {
        this.kind = kind;
    }

    private int slotOf(InstanceState s) {
        return switch (kind) {
            case PENDING -> s.pendingSlot;
            case NEW_IN_TRANSACTION -> s.newSlot;
            case HELD -> s.heldSlot;
        };
    }

    private void slot(InstanceState s, int slot) {
        switch (kind) {
            case PENDING -> s.pendingSlot = slot;
            case NEW_IN_TRANSACTION -> s.newSlot = slot;
            case HELD -> s.heldSlot = slot;
        }
    }

    public boolean contains(InstanceState s) {
        int slot = slotOf(s);
        return slot >= 0 && slot < slots.size() && slots.get(slot) == s;
    }

    /** @return true when the state was not a member */
    public boolean add(InstanceState s) {
        if (contains(s)) {
            return false;
        }
        slot(s, slots.size());
        slots.add(s);
        size++;
        return true;
    }

    /** @return true when the state was a member */
    public boolean remove(InstanceState s) {
        if (!contains(s)) {
            return false;
        }
        slots.set(slotOf(s), null);
        slot(s, -1);
        size--;
        if (!frozen && slots.size() > 32 && size < slots.size() / 2) {
            compact();
        }
        return true;
    }

    private void compact() {
        int to = 0;
        for (int from = 0; from < slots.size(); from++) {
            InstanceState s = slots.get(from);
            if (s != null) {
                slots.set(to, s);
                slot(s, to++);
            }
        }
        slots.subList(to, slots.size()).clear();
    }

    public int size() {
        return size;
    }

    public boolean isEmpty() {
        return size == 0;
    }

    /**
     * Forgets every member without visiting them (a session closing over 20,000 objects would touch each one more
     * time): the slots they remember are stale, and {@link #contains} checks a slot's occupant, so a stale slot
     * never counts as membership.
     */
    public void clear() {
        slots.clear();
        size = 0;
        frozen = false;
    }

    /** Makes room for this many more members at once. */
    public void reserve(int more) {
        slots.ensureCapacity(slots.size() + more);
    }

    /** @return a position that {@link #since} later reads from; the set does not compact until {@link #thaw} */
    public int mark() {
        frozen = true;
        return slots.size();
    }

    /** Allows compaction again: no savepoint holds a mark any more. */
    public void thaw() {
        frozen = false;
    }

    /** @return the members added at or after a mark, in order */
    public List<InstanceState> since(int mark) {
        List<InstanceState> added = new ArrayList<>();
        for (int i = Math.min(mark, slots.size()); i < slots.size(); i++) {
            InstanceState s = slots.get(i);
            if (s != null) {
                added.add(s);
            }
        }
        return added;
    }

    /** @return the members, in order, as a new list */
    public List<InstanceState> toList() {
        List<InstanceState> list = new ArrayList<>(size);
        for (InstanceState s : slots) {
            if (s != null) {
                list.add(s);
            }
        }
        return list;
    }

    @Override
    public Iterator<InstanceState> iterator() {
        return new Iterator<>() {
            private int next = advance(0);

            private int advance(int from) {
                int i = from;
                while (i < slots.size() && slots.get(i) == null) {
                    i++;
                }
                return i;
            }

            @Override
            public boolean hasNext() {
                return next < slots.size();
            }

            @Override
            public InstanceState next() {
                if (next >= slots.size()) {
                    throw new NoSuchElementException();
                }
                InstanceState s = slots.get(next);
                next = advance(next + 1);
                return java.util.Objects.requireNonNull(s);
            }
        };
    }
}
