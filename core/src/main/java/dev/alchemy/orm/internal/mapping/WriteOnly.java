package dev.alchemy.orm.internal.mapping;

import dev.alchemy.exc.MappingError;
import dev.alchemy.orm.WriteOnlyCollection;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.invoke.VarHandle;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The session's side of {@link WriteOnlyCollection}s: binding one to its owner, and the adds and removes waiting in
 * it for the flush. Reached through method handles resolved once, so that the public class shows the application
 * nothing but add, remove and select.
 */
public final class WriteOnly {

    private static final MethodHandle BIND;
    private static final VarHandle OWNER;
    private static final VarHandle ADDED;
    private static final VarHandle REMOVED;

    static {
        try {
            MethodHandles.Lookup lookup =
                    MethodHandles.privateLookupIn(WriteOnlyCollection.class, MethodHandles.lookup());
            BIND = lookup.findVirtual(
                            WriteOnlyCollection.class,
                            "bind",
                            MethodType.methodType(void.class, Object.class, RelationshipProperty.class, Runnable.class))
                    .asType(MethodType.methodType(
                            void.class, Object.class, Object.class, RelationshipProperty.class, Runnable.class));
            OWNER = lookup.findVarHandle(WriteOnlyCollection.class, "owner", Object.class);
            ADDED = lookup.findVarHandle(WriteOnlyCollection.class, "added", List.class);
            REMOVED = lookup.findVarHandle(WriteOnlyCollection.class, "removed", List.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private WriteOnly() {}

    /**
     * Gives an object's write-only collections their owner (a new collection where the field is null), once.
     *
     * @param mapper the object's mapper
     * @param instance the object
     * @param changed what tells the session that a flush has work
     */
    public static void bind(Mapper<?> mapper, Object instance, Runnable changed) {
        for (RelationshipProperty r : mapper.writeOnly) {
            Object value = r.get(instance);
            if (value == null) {
                value = new WriteOnlyCollection<>();
                r.set(instance, value);
            }
            if (OWNER.get(value) != instance) {
                try {
                    BIND.invokeExact(value, instance, r, changed);
                } catch (Throwable e) {
                    throw new MappingError("could not bind " + r + ": " + e, e);
                }
            }
        }
    }

    /**
     * @param r a write-only relationship
     * @param instance its owner
     * @return the collection, or null when the field is
     */
    public static @Nullable WriteOnlyCollection<?> of(RelationshipProperty r, Object instance) {
        return (WriteOnlyCollection<?>) r.get(instance);
    }

    /**
     * @param collection a collection
     * @return the children added since the last flush; a live list
     */
    @SuppressWarnings("unchecked")
    public static List<Object> added(WriteOnlyCollection<?> collection) {
        return (List<Object>) ADDED.get(collection);
    }

    /**
     * @param collection a collection
     * @return the children removed since the last flush; a live list
     */
    @SuppressWarnings("unchecked")
    public static List<Object> removed(WriteOnlyCollection<?> collection) {
        return (List<Object>) REMOVED.get(collection);
    }
}
