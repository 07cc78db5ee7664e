package dev.alchemy.demo.users;

import dev.alchemy.data.repository.AlchemyRepository;
import dev.alchemy.data.repository.LoadWith;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;

/**
 * The users as a Spring Data repository: the starter implements it over the Session when {@code alchemy-spring-data}
 * is on the class path, as Spring Data JPA does for its repositories. {@link UserService} uses the Session itself;
 * the search endpoint uses this.
 */
public interface UserRepository extends AlchemyRepository<User, Integer> {

    /**
     * A page of the users whose name starts with a prefix, with the total: {@code WHERE name LIKE ? || '%'} with the
     * page's LIMIT and OFFSET, a {@code count(*)} only when the page does not tell the total, and the addresses of
     * the page's users in one more SELECT.
     *
     * @param prefix the start of the name (LIKE's wildcards in it are matched as themselves)
     * @param pageable the page number, size and sort
     * @return the page
     */
    @LoadWith(relationship = "addresses")
    Page<User> findByNameStartingWith(String prefix, Pageable pageable);
}
