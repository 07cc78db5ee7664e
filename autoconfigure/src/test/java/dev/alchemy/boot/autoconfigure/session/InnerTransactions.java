package dev.alchemy.boot.autoconfigure.session;

import dev.alchemy.orm.Session;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Transactions that {@link Users} starts inside its own: REQUIRES_NEW and NESTED. */
@Service
public class InnerTransactions {

    private final Session session;

    InnerTransactions(Session session) {
        this.session = session;
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void registerInNewTransaction(String name) {
        session.add(new User(name, name + "@new.example"));
    }

    @Transactional(propagation = Propagation.NESTED)
    public void registerNestedThenFail(String name, boolean flush) {
        session.add(new User(name, name + "@nested.example"));
        if (flush) {
            session.flush();
        }
        throw new IllegalStateException("nested fails");
    }

    @Transactional(propagation = Propagation.NESTED)
    public void addAndFlushNested(User user) {
        session.add(user);
        session.flush();
    }
}
