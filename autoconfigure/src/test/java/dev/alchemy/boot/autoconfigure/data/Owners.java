package dev.alchemy.boot.autoconfigure.data;

import dev.alchemy.data.repository.AlchemyRepository;
import dev.alchemy.data.repository.LoadWith;
import dev.alchemy.data.repository.Query;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;

// tag::owner-repository[]
public interface Owners extends AlchemyRepository<Owner, Integer> {

    Page<Owner> findByLastNameStartingWith(String lastName, Pageable pageable);

    @LoadWith(relationship = "pets")
    Optional<Owner> findWithPetsById(Integer id);

    @Query(where = "lower(city) = lower(:city)")
    List<Owner> inCity(String city);

    long countByCity(String city);
}
// end::owner-repository[]
