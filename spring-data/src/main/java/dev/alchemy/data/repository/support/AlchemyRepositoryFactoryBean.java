package dev.alchemy.data.repository.support;

import dev.alchemy.orm.Session;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.BeansException;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.data.repository.Repository;
import org.springframework.data.repository.core.support.RepositoryFactorySupport;
import org.springframework.data.repository.core.support.TransactionalRepositoryFactoryBeanSupport;

/**
 * The Spring bean that makes one Alchemy repository; registered for each repository interface by {@code
 * @EnableAlchemyRepositories} or Spring Boot's auto-configuration. Its session is the bean named by {@code
 * sessionRef}, else the application's only {@link Session} bean (the starter's shared, transaction-bound session).
 * Repository methods take part in Spring transactions, and Alchemy's exceptions leave them as Spring's {@code
 * DataAccessException}s.
 *
 * @param <T> the repository interface
 * @param <S> the mapped class
 * @param <ID> its primary key's type
 */
public class AlchemyRepositoryFactoryBean<T extends Repository<S, ID>, S, ID>
        extends TransactionalRepositoryFactoryBeanSupport<T, S, ID> {

    private @Nullable Session session;
    private @Nullable BeanFactory beanFactory;

    /** @param repositoryInterface the repository interface */
    public AlchemyRepositoryFactoryBean(Class<? extends T> repositoryInterface) {
        super(repositoryInterface);
    }

    /** @param session the session the repository works in */
    public void setSession(Session session) {
        this.session = session;
    }

    @Override
    public void setBeanFactory(BeanFactory beanFactory) throws BeansException {
        super.setBeanFactory(beanFactory);
        this.beanFactory = beanFactory;
    }

    @Override
    protected RepositoryFactorySupport doCreateRepositoryFactory() {
        Session s = session;
        if (s == null) {
            if (!(beanFactory instanceof ListableBeanFactory beans)) {
                throw new IllegalStateException("an Alchemy repository needs a Session: set one, or run it in a Spring"
                        + " application context that has a Session bean");
            }
            s = beans.getBeanProvider(Session.class).getIfUnique();
            if (s == null) {
                throw new IllegalStateException(
                        "an Alchemy repository needs a single Session bean (Alchemy's Spring Boot starter defines one),"
                                + " or @EnableAlchemyRepositories(sessionRef = \"...\") naming one; found "
                                + java.util.Arrays.toString(beans.getBeanNamesForType(Session.class)));
            }
        }
        return new AlchemyRepositoryFactory(s);
    }
}
