package dev.alchemy.boot.autoconfigure.data;

import dev.alchemy.data.repository.AlchemyRepository;
import java.util.List;

/** PetClinic's pet repository. */
public interface PetRepository extends AlchemyRepository<Pet, Integer> {

    /** Pets whose owner has that last name: the condition follows the many-to-one relationship. */
    List<Pet> findByOwnerLastNameOrderByName(String lastName);
}
