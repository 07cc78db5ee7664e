package dev.alchemy.orm;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an integer {@link Column} as the version counter for optimistic locking (SQLAlchemy's
 * {@code version_id_col}): it starts at 1, increases with every UPDATE, and an UPDATE or DELETE that finds another
 * version in the database fails with {@link dev.alchemy.exc.StaleDataError}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface Version {}
