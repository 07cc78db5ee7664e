package dev.alchemy.orm;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** An index over columns, declared in {@link Table#indexes()}. */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({})
public @interface Index {

    /** @return the index's name; {@code ix_<table>_<first column>} when empty */
    String name() default "";

    /** @return the column names */
    String[] columns();

    /** @return whether the index is unique */
    boolean unique() default false;
}
