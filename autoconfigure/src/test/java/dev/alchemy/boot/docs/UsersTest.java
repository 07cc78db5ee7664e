package dev.alchemy.boot.docs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.alchemy.orm.Session;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.transaction.annotation.Transactional;

// tag::testing[]
@SpringBootTest(properties = "alchemy.url=sqlite:///:memory:")
@Transactional // each test's transaction is rolled back at its end
class UsersTest {
    @Autowired
    Users users;

    @Autowired
    Session session;

    @Test
    void registerAddsTheUser() {
        User alice = users.register("Alice", "alice@example.com");
        session.flush(); // the transaction never commits: flush to run the INSERT now
        assertThat(alice.id).isNotNull();
        assertThat(users.named("Alice")).containsExactly(alice);
    }
}
// end::testing[]
