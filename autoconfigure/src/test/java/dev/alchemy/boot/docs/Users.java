package dev.alchemy.boot.docs;

// tag::service[]
import dev.alchemy.orm.Session;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
public class Users {
    private final Session session;

    public Users(Session session) {
        this.session = session;
    }

    @Transactional
    public User register(String name, String email) {
        User user = new User(name, email);
        session.add(user);
        return user; // INSERTed when the transaction commits; user.id is set then
    }

    @Transactional
    public void rename(int id, String name) {
        User user = session.get(User.class, id);
        user.name = name; // UPDATEd when the transaction commits: no save() call
    }

    @Transactional(readOnly = true)
    public List<User> named(String name) {
        return session.query(User.class).filterBy("name", name).all();
    }
}
// end::service[]
