package dev.alchemy.orm;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A unique constraint over columns, declared in {@link Table#uniqueConstraints()}. */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({})
public @interface UniqueConstraint {

    /** @return the constraint's name, or empty */
    String name() default "";

    /** @return the column names */
    String[] columns();
}
