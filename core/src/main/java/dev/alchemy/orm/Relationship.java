package dev.alchemy.orm;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A relationship to another mapped class, like SQLAlchemy's {@code relationship()}. The field's type says its kind:
 * {@code List<Address>} or {@code Set<Address>} is one-to-many (the other class has the foreign key) or, with
 * {@link #secondary()}, many-to-many; {@code User} is many-to-one (this class has the foreign key) or one-to-one
 * (the other class has it).
 *
 * <pre>{@code
 * @Table(name = "users")
 * public class User {
 *     @Column(primaryKey = true) public Integer id;
 *     @Relationship(backPopulates = "user", cascade = "all, delete-orphan")
 *     public List<Address> addresses = new ArrayList<>();
 * }
 *
 * @Table(name = "addresses")
 * public class Address {
 *     @Column(primaryKey = true) public Integer id;
 *     @Column @ForeignKey("users.id") public Integer userId;
 *     @Relationship(backPopulates = "addresses") public User user;
 * }
 * }</pre>
 *
 * <p>Loading needs no proxies or bytecode enhancement: a collection of a loaded object is a list that loads on first
 * access, for every object the same query loaded at once (one statement, not one per object); a many-to-one
 * reference is loaded with its owning objects in one batched query. {@link Loading} changes the default, and
 * {@code Load.selectin/joined/lazy/raise/noload} change it per query.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface Relationship {

    /** @return the name of the relationship on the other class that mirrors this one, kept in step in memory */
    String backPopulates() default "";

    /**
     * @return SQLAlchemy's cascade: a comma-separated list of {@code save-update}, {@code merge}, {@code delete},
     *     {@code delete-orphan}, or {@code all} (save-update, merge, delete); default {@code "save-update, merge"}
     */
    String cascade() default "save-update, merge";

    /**
     * @return for one-to-many: rely on the database's {@code ON DELETE CASCADE} and do not load the children when
     *     the parent is deleted
     */
    boolean passiveDeletes() default false;

    /** @return attribute names of the other class to order a collection by; prefix with {@code -} for descending */
    String[] orderBy() default {};

    /** @return for many-to-many: the association table's name */
    String secondary() default "";

    /** @return for many-to-many: the association table's column referring to this class; {@code <class>_id} by default */
    String joinColumn() default "";

    /** @return for many-to-many: the association table's column referring to the other class; {@code <other>_id} by default */
    String inverseJoinColumn() default "";

    /**
     * @return the foreign key column to use when there are several between the two tables (a column of the class
     *     that has the foreign key)
     */
    String foreignKey() default "";

    /** @return how the relationship loads by default */
    Loading loading() default Loading.DEFAULT;

    /**
     * SQLAlchemy's {@code post_update}: the foreign key of this relationship is written by a second statement, an
     * UPDATE after both rows exist (and set to NULL by an UPDATE before a DELETE), instead of in the row's INSERT. Set
     * it on one relationship of a cycle of foreign keys, such as {@code Employee.desk} and {@code Desk.owner} between
     * two new objects, or a ring of new rows of one table; without it, such a cycle is refused with a
     * {@link dev.alchemy.exc.CircularDependencyError} before anything is written. The column must accept NULL.
     *
     * <pre>{@code
     * @Relationship(postUpdate = true)
     * public Employee owner;            // desks.owner_id is set by an UPDATE after the INSERTs
     * }</pre>
     *
     * @return whether the foreign key is written after the rows, by an UPDATE
     */
    boolean postUpdate() default false;
}
