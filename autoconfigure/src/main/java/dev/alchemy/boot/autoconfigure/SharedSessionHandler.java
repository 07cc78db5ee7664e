package dev.alchemy.boot.autoconfigure;

import dev.alchemy.boot.autoconfigure.AlchemyProperties.NonTransactional;
import dev.alchemy.engine.Executable;
import dev.alchemy.exc.PendingRollbackError;
import dev.alchemy.orm.EntitySelect;
import dev.alchemy.orm.ObjectState;
import dev.alchemy.orm.Query;
import dev.alchemy.orm.ScalarResult;
import dev.alchemy.orm.Session;
import dev.alchemy.orm.SessionFactory;
import dev.alchemy.sql.TextClause;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.support.PersistenceExceptionTranslator;
import org.springframework.transaction.IllegalTransactionStateException;

/**
 * The behaviour of {@link SharedSession}. Stateless apart from its configuration, so one instance serves every
 * thread. Methods are told apart by name, so that methods the ORM adds to {@code Session} later are handled too: in a
 * transaction they are delegated; outside one, a method not known to be a read counts as a write.
 */
final class SharedSessionHandler implements InvocationHandler {

    /** Methods that only read, which {@link NonTransactional#ALLOW_READS} runs in a short session. */
    private static final Set<String> READS = Set.of(
            "get",
            "scalars",
            "stateOf",
            "contains",
            "isModified",
            "refresh",
            "makeTransient",
            "count",
            "exists",
            "newObjects",
            "dirtyObjects",
            "deletedObjects");

    /** Statements {@code execute(...)} may run as reads outside a transaction, by their first keyword. */
    private static final Set<String> READ_KEYWORDS = Set.of("SELECT", "WITH", "VALUES");

    private final SessionFactory sessionFactory;
    private final NonTransactional nonTransactional;
    private final PersistenceExceptionTranslator translator;

    SharedSessionHandler(
            SessionFactory sessionFactory,
            NonTransactional nonTransactional,
            PersistenceExceptionTranslator translator) {
        this.sessionFactory = sessionFactory;
        this.nonTransactional = nonTransactional;
        this.translator = translator;
    }

    @Override
    public @Nullable Object invoke(Object proxy, Method method, @Nullable Object @Nullable [] args) throws Throwable {
        String name = method.getName();
        switch (name) {
            case "equals":
                return args != null && proxy == args[0];
            case "hashCode":
                return System.identityHashCode(proxy);
            case "toString":
                return "SharedSession[" + sessionFactory.engine() + "]";
            case "close":
                return null; // the application context owns it; each transaction's Session is closed with it
            case "isOpen":
                return true;
            case "commit":
            case "rollback":
                throw ownedBySpring(name);
            default:
                break;
        }
        Session session = SessionBinding.current(sessionFactory, translator);
        if (session != null) {
            return call(session, method, args);
        }
        return outsideTransaction((Session) proxy, method, args != null ? args : new Object[0]);
    }

    private @Nullable Object outsideTransaction(Session proxy, Method method, @Nullable Object[] args)
            throws Throwable {
        String name = method.getName();
        if (name.equals("noAutoflush")) {
            // there is no session to keep from flushing; the work's own calls go through this proxy
            if (method.getParameterTypes()[0] == Supplier.class) {
                return ((Supplier<?>) Objects.requireNonNull(args[0], "work")).get();
            }
            ((Runnable) Objects.requireNonNull(args[0], "work")).run();
            return null;
        }
        if (nonTransactional == NonTransactional.FAIL || name.equals("beginNested")) {
            throw noTransaction(name);
        }
        if (name.equals("query")) {
            // its statements run later, each through this proxy (and so in a short session)
            return Query.of(proxy, EntitySelect.of((Class<?>) Objects.requireNonNull(args[0], "type")));
        }
        boolean read = isRead(name, args);
        if (!read && nonTransactional == NonTransactional.ALLOW_READS) {
            throw noTransaction(name);
        }
        try (Session session = sessionFactory.openSession()) {
            if (name.equals("refresh") && args[0] != null && session.stateOf(args[0]) == ObjectState.DETACHED) {
                session.add(args[0]);
            }
            Object result = call(session, method, args);
            if (result instanceof ScalarResult<?> streamed && streamed.isStreamed()) {
                // a cursor cannot outlive the short session: read it whole here (stream inside @Transactional)
                result = new ScalarResult<>(streamed.all());
            }
            if (!read) {
                try {
                    session.commit();
                } catch (RuntimeException e) {
                    throw translate(e);
                }
            }
            return result;
        }
    }

    private boolean isRead(String name, @Nullable Object[] args) {
        if (READS.contains(name)) {
            return true;
        }
        if (!name.equals("execute")) {
            return false;
        }
        if (args[0] instanceof EntitySelect<?>) {
            return true;
        }
        if (args[0] instanceof Executable statement) {
            String sql = statement instanceof TextClause text
                    ? text.text()
                    : statement.compile(sessionFactory.engine().dialect()).sql();
            sql = sql.stripLeading();
            int end = 0;
            while (end < sql.length() && Character.isLetter(sql.charAt(end))) {
                end++;
            }
            return READ_KEYWORDS.contains(sql.substring(0, end).toUpperCase(Locale.ROOT));
        }
        return false;
    }

    private @Nullable Object call(Session session, Method method, @Nullable Object @Nullable [] args) throws Throwable {
        try {
            return method.invoke(session, args);
        } catch (InvocationTargetException e) {
            throw translate(e.getCause() != null ? e.getCause() : e);
        }
    }

    private Throwable translate(Throwable failure) {
        if (failure instanceof PendingRollbackError pending) {
            return new IllegalTransactionStateException(
                    "A flush failed earlier in this transaction, so it can only roll back: let the exception leave "
                            + "the @Transactional method, or catch it outside. Work that may fail while the rest "
                            + "goes on belongs in a method with @Transactional(propagation = NESTED), whose failure "
                            + "rolls back to its savepoint only, or REQUIRES_NEW. "
                            + pending.getMessage(),
                    pending);
        }
        if (failure instanceof RuntimeException runtime) {
            DataAccessException translated = translator.translateExceptionIfPossible(runtime);
            if (translated != null) {
                return translated;
            }
        }
        return failure;
    }

    private IllegalTransactionStateException noTransaction(String method) {
        String policy = nonTransactional.name().toLowerCase(Locale.ROOT).replace('_', '-');
        String allowed = nonTransactional == NonTransactional.FAIL || method.equals("beginNested")
                ? "works only inside a transaction"
                : "only reads outside a transaction";
        return new IllegalTransactionStateException("Session." + method + "() was called outside a transaction, and "
                + "the shared Session " + allowed + " (alchemy.session.non-transactional=" + policy + "). Call it "
                + "from a @Transactional method, or inside TransactionTemplate.execute(...). If the method is "
                + "annotated already: it must be called from another bean, not from within its own class, for "
                + "Spring's proxy to start the transaction.");
    }

    private static IllegalTransactionStateException ownedBySpring(String method) {
        String how = method.equals("commit")
                ? "commits when the @Transactional method returns; call flush() to write changes earlier"
                : "rolls back when the @Transactional method throws; to roll back without throwing, call "
                        + "TransactionAspectSupport.currentTransactionStatus().setRollbackOnly()";
        return new IllegalTransactionStateException("The shared Session cannot " + method + "(): Spring's "
                + "transaction manager owns the transaction, and " + how + ". For a transaction of your own, open "
                + "a Session with sessionFactory.openSession().");
    }
}
