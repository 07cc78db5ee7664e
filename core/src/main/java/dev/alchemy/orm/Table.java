package dev.alchemy.orm;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Maps a class to a table, like SQLAlchemy's {@code __tablename__}. The class needs a no-argument constructor (any
 * visibility) and at least one {@link Column} with {@code primaryKey = true}.
 *
 * <pre>{@code
 * @Table(name = "users", indexes = @Index(columns = {"name", "email"}))
 * public class User {
 *     @Column(primaryKey = true) public Integer id;
 *     @Column public String name;
 *     @Column public String email;
 * }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Table {

    /** @return the table's name */
    String name();

    /** @return the database schema, or empty for the default */
    String schema() default "";

    /** @return indexes over one or more columns */
    Index[] indexes() default {};

    /** @return unique constraints over one or more columns */
    UniqueConstraint[] uniqueConstraints() default {};

    /** @return table-level CHECK constraints, in SQL written by the model's author */
    String[] checks() default {};
}
