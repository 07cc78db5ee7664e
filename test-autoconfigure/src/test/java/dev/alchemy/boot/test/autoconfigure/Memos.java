package dev.alchemy.boot.test.autoconfigure;

import dev.alchemy.orm.Session;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A service of the sliced application: left out of an {@code @AlchemyTest} unless an include filter names it. */
@Service
public class Memos {

    private final Session session;

    Memos(Session session) {
        this.session = session;
    }

    @Transactional
    public Memo write(String body) {
        Memo memo = new Memo(body);
        session.add(memo);
        return memo;
    }

    @Transactional(readOnly = true)
    public long count() {
        return session.query(Memo.class).count();
    }
}
