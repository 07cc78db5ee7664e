package dev.alchemy.data.repository;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.data.annotation.QueryAnnotation;

/**
 * A query method's SQL, written by hand instead of derived from the method's name. Parameters are named
 * ({@code :lastName}, matching the method's parameter names, or {@code @Param}) and always bound, never written into
 * the SQL.
 *
 * <p>Two forms:
 *
 * <ul>
 *   <li>{@code where}: a condition in SQL on the repository's class; the objects are selected as a derived query
 *       selects them, so {@code Pageable}, {@code Sort}, {@code Page} and {@code Slice} work, with the count built by
 *       Alchemy's compiler.
 *       <pre>{@code
 * @Query(where = "last_name LIKE :prefix || '%'")
 * Page<Owner> findByPrefix(String prefix, Pageable pageable);
 * }</pre>
 *   <li>{@code value}: a whole statement. A SELECT returning the repository's class must select its primary key
 *       columns; the objects are then loaded by key (a second SELECT) in the statement's order. A SELECT returning
 *       anything else maps its first column to a simple type ({@code String}, {@code Long} ...) or its columns to a
 *       {@code record}'s components by name. Any other statement (UPDATE, DELETE, INSERT) runs in the current
 *       transaction and returns its row count ({@code int}, {@code long} or {@code void}).
 *       <pre>{@code
 * @Query("SELECT last_name FROM owners WHERE city = :city")
 * List<String> lastNamesIn(String city);
 * }</pre>
 * </ul>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@QueryAnnotation
public @interface Query {

    /** @return a whole SQL statement; empty when {@link #where()} is given */
    String value() default "";

    /** @return an SQL condition on the repository's class's table; empty when {@link #value()} is given */
    String where() default "";
}
