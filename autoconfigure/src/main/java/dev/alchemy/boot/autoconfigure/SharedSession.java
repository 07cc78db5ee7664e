package dev.alchemy.boot.autoconfigure;

import dev.alchemy.boot.autoconfigure.AlchemyProperties.NonTransactional;
import dev.alchemy.orm.Session;
import dev.alchemy.orm.SessionFactory;
import java.lang.reflect.Proxy;
import java.util.Objects;
import org.springframework.dao.support.PersistenceExceptionTranslator;

/**
 * The {@link Session} that Spring beans inject: one thread-safe object that stands for "the Session of the current
 * transaction", like JPA's shared {@code EntityManager}.
 *
 * <p>Inside a Spring transaction ({@code @Transactional}, {@code TransactionTemplate}) every call goes to the
 * Session bound to that transaction: opened on first use, over the transaction's connection (the one
 * {@code JdbcTemplate} uses too), flushed before the transaction commits, and closed when it ends. Each transaction,
 * and so each thread, has its own. {@code commit()} and {@code rollback()} throw: the transaction manager owns the
 * transaction. {@code close()} does nothing.
 *
 * <p>Outside a transaction the {@link NonTransactional} policy applies: by default reads run in a short session of
 * their own, closed after the call, and writes throw an exception that says to use {@code @Transactional}.
 *
 * <p>Alchemy's exceptions leave it as Spring {@code DataAccessException}s where the translator knows them
 * ({@code DuplicateKeyException} for a duplicate key found by a flush, {@code OptimisticLockingFailureException} for
 * a stale version, ...). A {@code Query} obtained inside a transaction runs on the transaction's Session itself; the
 * auto-configuration translates what it throws when it leaves the {@code @Transactional} method.
 *
 * <pre>{@code
 * @Service
 * class Users {
 *     private final Session session;
 *
 *     Users(Session session) {
 *         this.session = session;
 *     }
 *
 *     @Transactional
 *     User register(String name, String email) {
 *         User user = new User(name, email);
 *         session.add(user);
 *         return user;          // INSERTed when the transaction commits
 *     }
 * }
 * }</pre>
 */
public final class SharedSession {

    private SharedSession() {}

    /**
     * A shared Session with the defaults: reads only outside a transaction, errors translated by an
     * {@link AlchemyExceptionTranslator}.
     *
     * @param sessionFactory the factory of the transactions' sessions
     * @return the shared Session
     */
    public static Session create(SessionFactory sessionFactory) {
        return create(sessionFactory, NonTransactional.ALLOW_READS, new AlchemyExceptionTranslator());
    }

    /**
     * A shared Session.
     *
     * @param sessionFactory the factory of the transactions' sessions; its engine must take its connections through
     *     {@link SpringConnectionProvider} over the transaction manager's {@code DataSource}
     * @param nonTransactional what happens when it is used outside a transaction
     * @param translator translates Alchemy's exceptions
     * @return the shared Session
     */
    public static Session create(
            SessionFactory sessionFactory,
            NonTransactional nonTransactional,
            PersistenceExceptionTranslator translator) {
        SharedSessionHandler handler = new SharedSessionHandler(
                Objects.requireNonNull(sessionFactory, "sessionFactory"),
                Objects.requireNonNull(nonTransactional, "nonTransactional"),
                Objects.requireNonNull(translator, "translator"));
        return (Session)
                Proxy.newProxyInstance(SharedSession.class.getClassLoader(), new Class<?>[] {Session.class}, handler);
    }
}
