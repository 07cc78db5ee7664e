package dev.alchemy.orm;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a method of a model class that a session calls on the object after it was built from a row, like JPA's
 * lifecycle callbacks.
 * The method takes no parameter, returns nothing, throws no checked exception and may be private; one of a
 * superclass is called too, before the subclass's. (Only the flush callbacks, such as {@link BeforeInsert}, may
 * take the session's {@link dev.alchemy.engine.Connection}.) See {@link MapperEvents#load} for when it
 * runs. Use it to derive {@code @Transient} state from the columns.
 *
 * <pre>{@code
 * @AfterLoad
 * void derive() {
 *     displayName = firstName + " " + lastName; // a @Transient field computed from the loaded columns
 * }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface AfterLoad {}
