package dev.alchemy.orm.internal.mapping;

import dev.alchemy.engine.Conversions;
import dev.alchemy.exc.ArgumentError;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An object's identity in a session: its class and primary key (a single value, or a list for a composite key), as
 * SQLAlchemy's identity key. The class is the base of its hierarchy, so that every class of a hierarchy shares one key
 * space.
 *
 * @param type the mapped class (the base of its hierarchy)
 * @param id the primary key value(s)
 */
public record IdentityKey(Class<?> type, Object id) {

    /**
     * The identity key of an object of a class with a primary key value given by the application ({@code get}),
     * converted to the key columns' Java types so that {@code get(User.class, 1)} finds a {@code Long} id.
     *
     * @param mapper the class's mapper
     * @param id the key value, or a List of values in key order for a composite key
     * @return the identity key
     */
    public static IdentityKey of(Mapper<?> mapper, Object id) {
        Attribute[] pk = mapper.primaryKey;
        if (pk.length == 1) {
            return new IdentityKey(
                    mapper.identityType,
                    Objects.requireNonNull(Conversions.convert(id, Conversions.boxed(pk[0].sqlType.javaType()))));
        }
        if (!(id instanceof List<?> values) || values.size() != pk.length) {
            throw new ArgumentError(mapper.type.getSimpleName() + " has a composite primary key " + List.of(pk)
                    + "; pass its values as a List in that order");
        }
        List<Object> converted = new ArrayList<>();
        for (int i = 0; i < pk.length; i++) {
            converted.add(Conversions.convert(values.get(i), Conversions.boxed(pk[i].sqlType.javaType())));
        }
        return new IdentityKey(mapper.identityType, List.copyOf(converted));
    }

    /**
     * @param mapper the class's mapper
     * @param values stored values in attribute order (a row, a snapshot)
     * @return the identity key they hold
     */
    public static IdentityKey fromValues(Mapper<?> mapper, Object[] values) {
        Attribute[] pk = mapper.primaryKey;
        if (pk.length == 1) {
            return new IdentityKey(mapper.identityType, values[pk[0].index]);
        }
        List<Object> id = new ArrayList<>(pk.length);
        for (Attribute a : pk) {
            id.add(values[a.index]);
        }
        return new IdentityKey(mapper.identityType, List.copyOf(id));
    }

    /**
     * The identity of an object: its class and primary key values.
     *
     * @param mapper the class's mapper
     * @param instance an object of the class
     * @return its key, or null when a primary key value is not set
     */
    public static @Nullable IdentityKey ofInstance(Mapper<?> mapper, Object instance) {
        if (mapper.primaryKey.length == 1) {
            Object v = mapper.primaryKey[0].get(instance);
            return v == null ? null : new IdentityKey(mapper.identityType, v);
        }
        Object[] values = new Object[mapper.primaryKey.length];
        for (int i = 0; i < mapper.primaryKey.length; i++) {
            values[i] = mapper.primaryKey[i].get(instance);
            if (values[i] == null) {
                return null;
            }
        }
        return new IdentityKey(mapper.identityType, List.of(values));
    }
}
