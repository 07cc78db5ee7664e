package dev.alchemy.orm;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a method of a model class that a session calls on the object after its DELETE, like JPA's lifecycle callbacks.
 * The method takes no parameter (or a {@link dev.alchemy.engine.Connection}, the session's transaction), returns
 * nothing, throws no checked exception and may be private; one of a superclass is called too, before the subclass's.
 * See {@link MapperEvents#afterDelete} for when it runs.
 *
 * <pre>{@code
 * @AfterDelete
 * void touch() {
 *     updatedAt = Instant.now();
 * }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface AfterDelete {}
