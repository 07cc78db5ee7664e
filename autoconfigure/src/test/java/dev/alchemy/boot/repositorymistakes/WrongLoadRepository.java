package dev.alchemy.boot.repositorymistakes;

import dev.alchemy.boot.autoconfigure.data.Owner;
import dev.alchemy.data.repository.AlchemyRepository;
import dev.alchemy.data.repository.LoadWith;
import java.util.List;

/** A load option naming a column, not a relationship. */
public interface WrongLoadRepository extends AlchemyRepository<Owner, Integer> {

    @LoadWith(relationship = "city")
    List<Owner> findByLastName(String lastName);
}
