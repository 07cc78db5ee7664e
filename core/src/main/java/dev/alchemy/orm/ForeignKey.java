package dev.alchemy.orm;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Makes a {@link Column} refer to another table's column, like {@code ForeignKey("users.id", ondelete="CASCADE")}.
 *
 * <pre>{@code
 * @Column @ForeignKey(value = "users.id", onDelete = "CASCADE") public Integer userId;
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface ForeignKey {

    /** @return the referred column, {@code "table.column"} */
    String value();

    /** @return the ON DELETE action ({@code CASCADE}, {@code SET NULL}, ...), or empty */
    String onDelete() default "";

    /** @return the ON UPDATE action, or empty */
    String onUpdate() default "";
}
