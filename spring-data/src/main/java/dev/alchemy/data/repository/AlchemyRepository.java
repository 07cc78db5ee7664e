package dev.alchemy.data.repository;

import org.springframework.data.repository.ListCrudRepository;
import org.springframework.data.repository.ListPagingAndSortingRepository;
import org.springframework.data.repository.NoRepositoryBean;

/**
 * A Spring Data repository of a mapped class, backed by Alchemy's {@link dev.alchemy.orm.Session}: CRUD, paging and
 * sorting, and query methods derived from their names.
 *
 * <pre>{@code
 * public interface OwnerRepository extends AlchemyRepository<Owner, Integer> {
 *     Page<Owner> findByLastNameStartingWith(String lastName, Pageable pageable);
 * }
 * }</pre>
 *
 * <p>{@link #save(Object)} adds a new object (no primary key yet) to the session and flushes it, so its generated key
 * is set when {@code save} returns; any other object not in the session (loaded in an earlier transaction, or built
 * with its key) is merged: the session's copy is returned, and that is the one to keep using, as with JPA's
 * {@code save}.
 *
 * @param <T> the mapped class
 * @param <ID> the type of its primary key
 */
@NoRepositoryBean
public interface AlchemyRepository<T, ID> extends ListCrudRepository<T, ID>, ListPagingAndSortingRepository<T, ID> {

    /** Writes the session's pending changes now (they are written at commit anyway). */
    void flush();

    /**
     * {@link #save(Object)}, then {@link #flush()}.
     *
     * @param entity the object to save
     * @param <S> its class
     * @return the saved object: the argument, or the session's copy when it was merged
     */
    <S extends T> S saveAndFlush(S entity);

    /**
     * Deletes the rows of these keys in one DELETE statement, without loading the objects: relationship cascades do
     * not apply.
     *
     * @param ids primary keys
     */
    void deleteAllByIdInBatch(Iterable<ID> ids);

    /**
     * Deletes every row of the table in one DELETE statement, without loading the objects: relationship cascades do
     * not apply.
     */
    void deleteAllInBatch();
}
