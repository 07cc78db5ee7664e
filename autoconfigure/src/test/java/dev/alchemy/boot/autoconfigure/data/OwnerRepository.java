package dev.alchemy.boot.autoconfigure.data;

import dev.alchemy.data.repository.AlchemyRepository;
import dev.alchemy.data.repository.LoadWith;
import dev.alchemy.data.repository.Query;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.data.domain.Sort;
import org.springframework.transaction.annotation.Transactional;

/** PetClinic's owner repository, and a method for each kind of derived query. */
public interface OwnerRepository extends AlchemyRepository<Owner, Integer> {

    /** PetClinic's search form. */
    Page<Owner> findByLastNameStartingWith(String lastName, Pageable pageable);

    List<Owner> findByCityAndLastNameOrderByFirstNameAsc(String city, String lastName);

    List<Owner> findByFirstNameOrLastNameOrderByIdAsc(String firstName, String lastName);

    List<Owner> findByIdBetweenOrderById(int low, int high);

    List<Owner> findByIdInOrderById(Collection<Integer> ids);

    List<Owner> findByIdNotIn(Collection<Integer> ids, Sort sort);

    List<Owner> findByIdLessThanEqualOrderById(int max);

    List<Owner> findByIdGreaterThanOrderByIdDesc(int min);

    List<Owner> findByTelephoneIsNull();

    List<Owner> findByTelephoneIsNotNullOrderById();

    List<Owner> findByLastNameIgnoreCase(String lastName);

    List<Owner> findByLastNameStartingWithIgnoreCaseOrderById(String prefix);

    List<Owner> findByLastNameContainingOrderById(String part);

    List<Owner> findByLastNameEndingWithOrderById(String suffix);

    List<Owner> findByLastNameLikeOrderById(String pattern);

    List<Owner> findByCityNot(String city);

    /** null finds owners without a telephone (IS NULL), as in Spring Data JPA. */
    List<Owner> findByTelephone(@Nullable String telephone);

    long countByCity(String city);

    int countByLastNameStartingWith(String prefix);

    boolean existsByTelephone(String telephone);

    @Transactional
    long deleteByCity(String city);

    @Transactional
    List<Owner> removeByLastName(String lastName);

    Optional<Owner> findFirstByOrderByLastNameDesc();

    Owner findTopByCityOrderByFirstNameAsc(String city);

    List<Owner> findTop2ByCityOrderByFirstNameAsc(String city);

    Optional<Owner> findByTelephoneAndCity(String telephone, String city);

    Slice<Owner> findByCityOrderByFirstName(String city, Pageable pageable);

    Stream<Owner> streamByCityOrderByFirstName(String city);

    /** Owners with a pet of that name: the condition follows the relationship. */
    List<Owner> findByPetsNameOrderById(String petName);

    List<Owner> findByPetsIsEmptyOrderById();

    List<Owner> findDistinctByPetsNameStartingWith(String prefix);

    /** An interface projection. */
    List<OwnerName> findByCityOrderByLastNameAsc(String city);

    /** The pets load with the owners, in one more query. */
    @LoadWith(relationship = "pets")
    List<Owner> findByCityOrderById(String city);

    @Query(where = "city = :city")
    Page<Owner> inCity(String city, Pageable pageable);

    @Query("SELECT last_name FROM owners WHERE city = :city ORDER BY last_name")
    List<String> lastNamesIn(String city);

    @Query("SELECT id FROM owners WHERE city = :city ORDER BY first_name DESC")
    List<Owner> ownersInCityByFirstNameDesc(String city);

    @Query("SELECT city, count(*) AS owners FROM owners GROUP BY city ORDER BY city")
    List<CityCount> ownersPerCity();

    @Query("SELECT count(*) FROM owners WHERE city = :city")
    long howManyIn(String city);

    @Transactional
    @Query("UPDATE owners SET city = :to WHERE city = :from")
    int moveCity(String from, String to);

    /** A row of {@link #ownersPerCity()}. */
    record CityCount(String city, long owners) {}

    /** The names of an owner, as an interface projection. */
    interface OwnerName {
        String getFirstName();

        String getLastName();
    }
}
