package dev.alchemy.boot.repositorymistakes;

import dev.alchemy.boot.autoconfigure.data.Owner;
import dev.alchemy.data.repository.AlchemyRepository;
import java.util.List;

/** A derived query on a property Owner does not have. */
public interface MisspelledRepository extends AlchemyRepository<Owner, Integer> {

    List<Owner> findBySurname(String surname);
}
