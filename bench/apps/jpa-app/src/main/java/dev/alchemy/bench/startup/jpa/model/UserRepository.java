package dev.alchemy.bench.startup.jpa.model;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

/** Users. */
public interface UserRepository extends JpaRepository<User, Integer> {
    /**
     * @param name a name
     * @return the user of that name
     */
    Optional<User> findByName(String name);
}
