package dev.alchemy.orm;

import dev.alchemy.orm.internal.mapping.Attributes;
import dev.alchemy.orm.internal.relationships.RelatedExists;
import dev.alchemy.sql.ColumnElement;
import java.util.Collection;
import org.jspecify.annotations.Nullable;

/**
 * Conditions along relationships, like SQLAlchemy's {@code User.addresses.any(...)} and {@code Address.user.has(...)}.
 * They render {@code EXISTS} subqueries, so the owning rows are never repeated.
 *
 * <pre>{@code
 * session.query(User.class).filter(any(User::getAddresses, where(Address::getEmail).like("%@example.com"))).all();
 * session.query(Address.class).filter(has(Address::getUser, where(User::getName).eq("sandy"))).all();
 * }</pre>
 */
public final class Related {

    private Related() {}

    /**
     * Owners with at least one related object in a collection that matches.
     *
     * @param collection a getter of a collection relationship, {@code User::getAddresses}
     * @param criterion a condition on the related class, or null for "not empty"
     * @param <T> the owning class
     * @return the condition
     */
    public static <T> ColumnElement<Boolean> any(
            Getter<T, ? extends Collection<?>> collection, @Nullable ColumnElement<Boolean> criterion) {
        Attributes.Property p = Attributes.property(collection);
        return RelatedExists.of(p.owner(), p.name(), criterion, true);
    }

    /**
     * Owners whose referenced object matches.
     *
     * @param reference a getter of a many-to-one or one-to-one relationship, {@code Address::getUser}
     * @param criterion a condition on the related class, or null for "is set"
     * @param <T> the owning class
     * @return the condition
     */
    public static <T> ColumnElement<Boolean> has(Getter<T, ?> reference, @Nullable ColumnElement<Boolean> criterion) {
        Attributes.Property p = Attributes.property(reference);
        return RelatedExists.of(p.owner(), p.name(), criterion, false);
    }

    /**
     * {@link #any(Getter, ColumnElement)} by names, for models with public fields.
     *
     * @param model the owning class
     * @param relationship the collection relationship's field name
     * @param criterion a condition on the related class, or null
     * @return the condition
     */
    public static ColumnElement<Boolean> any(
            Class<?> model, String relationship, @Nullable ColumnElement<Boolean> criterion) {
        return RelatedExists.of(model, relationship, criterion, true);
    }

    /**
     * {@link #has(Getter, ColumnElement)} by names, for models with public fields.
     *
     * @param model the owning class
     * @param relationship the reference relationship's field name
     * @param criterion a condition on the related class, or null
     * @return the condition
     */
    public static ColumnElement<Boolean> has(
            Class<?> model, String relationship, @Nullable ColumnElement<Boolean> criterion) {
        return RelatedExists.of(model, relationship, criterion, false);
    }
}
