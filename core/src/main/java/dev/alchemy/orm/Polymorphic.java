package dev.alchemy.orm;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Maps a class hierarchy to the database with a discriminator column, as SQLAlchemy's {@code polymorphic_on} and
 * {@code polymorphic_identity} (JPA's {@code @Inheritance}, {@code @DiscriminatorColumn} and
 * {@code @DiscriminatorValue} in one annotation).
 *
 * <p>The base class has a {@link Table} and names its discriminator attribute with {@link #on()}; each subclass names
 * its own {@link #identity()}. A subclass without a {@code @Table} of its own keeps its columns in the base's table
 * (<em>single-table</em> inheritance); the subclasses of a hierarchy are listed by {@link #subclasses()} (on the base,
 * or each class listing its own) or, for a {@code sealed} class, by its {@code permits} clause.
 *
 * <pre>{@code
 * @Table(name = "person")
 * @Polymorphic(on = "type", identity = "person", subclasses = {Employee.class, Manager.class})
 * class Person {
 *     @Column(primaryKey = true) Long id;
 *     @Column String name;
 *     @Column String type;                      // the discriminator, set by the session on insert
 * }
 *
 * @Polymorphic(identity = "employee")
 * class Employee extends Person {
 *     @Column String title;                     // a nullable column of table person
 * }
 *
 * @Polymorphic(identity = "manager")
 * class Manager extends Employee {
 *     @Column Integer reports;
 * }
 *
 * session.query(Person.class).all();           // Person, Employee and Manager objects
 * session.query(Employee.class).all();         // WHERE person.type IN ('employee', 'manager')
 * session.get(Person.class, 7);                // a Manager, when row 7 is one
 * }</pre>
 *
 * <p>When every subclass has a {@code @Table} of its own instead, each class's rows span its table and its
 * superclasses' (<em>joined-table</em> inheritance): the subclass tables' key is the base's key and a foreign key to
 * the superclass's table; a query joins the tables of the class and its superclasses and outer joins its subclasses'.
 *
 * <pre>{@code
 * @Table(name = "employee")
 * @Polymorphic(identity = "employee")
 * class Employee extends Person { @Column String title; }     // employee (id, title), id -> person.id
 * }</pre>
 *
 * <p>A query of a superclass loads each subclass's own table by an outer join ({@link Loading#JOINED}, the default:
 * one SELECT, wider with every subclass table). A joined-table subclass with {@code load = Loading.SELECTIN} is
 * left out of its superclasses' queries instead, and the rows that turn out to be of that class get its table's
 * columns from one more {@code SELECT ... WHERE id IN (...)} per class (SQLAlchemy's {@code polymorphic_load =
 * "selectin"}): the better choice for a wide hierarchy, where outer joins to many tables would make every row
 * wide. Either way no query is run per object.
 *
 * <pre>{@code
 * @Table(name = "engineer")
 * @Polymorphic(identity = "engineer", load = Loading.SELECTIN)
 * class Engineer extends Employee { @Column String language; }
 * }</pre>
 *
 * <p>Objects of a hierarchy share one identity map key space (the base class's): {@code get(Person.class, 7)} and
 * {@code get(Manager.class, 7)} return the same object. A row whose discriminator names no class of the hierarchy
 * fails to load with an {@link dev.alchemy.exc.InvalidRequestError}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Polymorphic {

    /**
     * @return on the base class: its discriminator attribute (a {@link Column} field, by field or column name) that
     *     holds each row's {@link #identity()}; empty on subclasses
     */
    String on() default "";

    /** @return the discriminator value of this class's rows */
    String identity();

    /**
     * @return mapped subclasses of this class (direct or not); not needed for a {@code sealed} class, whose permitted
     *     subclasses are taken
     */
    Class<?>[] subclasses() default {};

    /**
     * @return how a query of one of this class's superclasses loads the columns of this class's own table (and its
     *     subclasses'), for a joined-table subclass: {@link Loading#JOINED} (or {@link Loading#DEFAULT}), an outer
     *     join in that query; {@link Loading#SELECTIN}, one more SELECT of this class's rows by key after it. Other
     *     values, and {@code SELECTIN} on a base class or a single-table subclass, are mapping errors.
     */
    Loading load() default Loading.DEFAULT;
}
