package dev.alchemy.data.repository;

import dev.alchemy.orm.Loading;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * How a relationship of the repository's class loads for one query method: the method's twin of {@code
 * query.options(Load.selectin(Owner::getPets))}, and of JPA's {@code @EntityGraph}. Repeatable.
 *
 * <pre>{@code
 * @LoadWith(relationship = "pets", loading = Loading.SELECTIN)
 * Page<Owner> findByLastNameStartingWith(String lastName, Pageable pageable);
 * }</pre>
 *
 * <p>A dotted path loads a graph, as JPA's {@code @EntityGraph(attributePaths = "pets.visits")}: each relationship on
 * the path loads the given way, in one statement per level ({@code Load.selectin(Owner::getPets)
 * .selectin(Pet::getVisits)}); paths that share a start share it.
 *
 * <pre>{@code
 * @LoadWith(relationship = "pets.visits")
 * @LoadWith(relationship = "pets.type")
 * Optional<Owner> findWithPetsAndVisitsById(Integer id);  // owners, pets, types, visits: 4 statements
 * }</pre>
 *
 * <p>The names are checked when the repository is created: a relationship the class does not have fails the start.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@Repeatable(LoadWith.List.class)
public @interface LoadWith {

    /**
     * @return the relationship's field name on the repository's class, or a dotted path of relationships from it
     *     ({@code "pets.visits"})
     */
    String relationship();

    /** @return how it loads; {@link Loading#SELECTIN} unless given */
    Loading loading() default Loading.SELECTIN;

    /** The container of repeated {@link LoadWith}s. */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.METHOD)
    @interface List {

        /** @return the options */
        LoadWith[] value();
    }
}
