package dev.alchemy.data.repository.support;

import static dev.alchemy.Alchemy.column;

import dev.alchemy.data.repository.AlchemyRepository;
import dev.alchemy.orm.ObjectState;
import dev.alchemy.orm.Query;
import dev.alchemy.orm.Session;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.support.PageableExecutionUtils;
import org.springframework.transaction.annotation.Transactional;

/**
 * The implementation of {@link AlchemyRepository}'s methods over the application's shared {@link Session}. Reads run
 * in read-only transactions and writes in read-write ones unless a transaction is already active, as Spring Data
 * JPA's {@code SimpleJpaRepository} does. Extend it to write a custom repository base class ({@code
 * @EnableAlchemyRepositories(repositoryBaseClass = ...)}).
 *
 * @param <T> the mapped class
 * @param <ID> its primary key's type
 */
@Transactional(readOnly = true)
public class SimpleAlchemyRepository<T, ID> implements AlchemyRepository<T, ID> {

    private final AlchemyEntityInformation<T, ID> entity;
    private final Session session;

    /**
     * @param entity the mapped class's information
     * @param session the session to work in (the application's shared, transaction-bound session)
     */
    public SimpleAlchemyRepository(AlchemyEntityInformation<T, ID> entity, Session session) {
        this.entity = Objects.requireNonNull(entity, "entity");
        this.session = Objects.requireNonNull(session, "session");
    }

    /** @return the session this repository works in */
    protected Session session() {
        return session;
    }

    /** @return the mapped class's information */
    protected AlchemyEntityInformation<T, ID> entityInformation() {
        return entity;
    }

    /** @return a query of every object of the class */
    protected Query<T> query() {
        return session.query(entity.getJavaType());
    }

    private Query<T> byId(Object id) {
        return query().filter(
                        column(entity.getJavaType(), entity.getIdAttribute()).eq(id));
    }

    @Override
    @Transactional
    public <S extends T> S save(S instance) {
        Objects.requireNonNull(instance, "entity must not be null");
        ObjectState state = session.stateOf(instance);
        switch (state) {
            case PENDING, PERSISTENT -> {
                return instance;
            }
            case TRANSIENT -> {
                if (entity.isNew(instance)) {
                    session.add(instance);
                    session.flush(); // the generated key is set when save returns, as JPA and JDBC users expect
                    return instance;
                }
                return session.merge(instance);
            }
            default -> {
                return session.merge(instance);
            }
        }
    }

    @Override
    @Transactional
    public <S extends T> List<S> saveAll(Iterable<S> entities) {
        Objects.requireNonNull(entities, "entities must not be null");
        List<S> saved = new ArrayList<>();
        for (S e : entities) {
            saved.add(save(e));
        }
        return saved;
    }

    @Override
    @Transactional
    public <S extends T> S saveAndFlush(S instance) {
        S saved = save(instance);
        session.flush();
        return saved;
    }

    @Override
    @Transactional
    public void flush() {
        session.flush();
    }

    @Override
    public Optional<T> findById(ID id) {
        Objects.requireNonNull(id, "id must not be null");
        return Optional.ofNullable(session.get(entity.getJavaType(), id));
    }

    @Override
    public boolean existsById(ID id) {
        Objects.requireNonNull(id, "id must not be null");
        return byId(id).exists();
    }

    @Override
    public List<T> findAll() {
        return query().all();
    }

    @Override
    public List<T> findAllById(Iterable<ID> ids) {
        Objects.requireNonNull(ids, "ids must not be null");
        List<Object> keys = new ArrayList<>();
        ids.forEach(keys::add);
        if (keys.isEmpty()) {
            return List.of();
        }
        return query().filter(
                        column(entity.getJavaType(), entity.getIdAttribute()).in(keys))
                .all();
    }

    @Override
    public long count() {
        return query().count();
    }

    @Override
    @Transactional
    public void deleteById(ID id) {
        Objects.requireNonNull(id, "id must not be null");
        T found = session.get(entity.getJavaType(), id);
        if (found != null) {
            session.delete(found);
        }
    }

    @Override
    @Transactional
    public void delete(T instance) {
        Objects.requireNonNull(instance, "entity must not be null");
        ObjectState state = session.stateOf(instance);
        switch (state) {
            case PENDING, PERSISTENT -> session.delete(instance);
            case DELETED -> {}
            default -> {
                ID id = entity.getId(instance);
                if (id == null) {
                    return; // never saved: nothing to delete, as in JPA
                }
                T found = session.get(entity.getJavaType(), id);
                if (found != null) {
                    session.delete(found);
                }
            }
        }
    }

    @Override
    @Transactional
    public void deleteAllById(Iterable<? extends ID> ids) {
        Objects.requireNonNull(ids, "ids must not be null");
        for (ID id : ids) {
            deleteById(id);
        }
    }

    @Override
    @Transactional
    public void deleteAll(Iterable<? extends T> entities) {
        Objects.requireNonNull(entities, "entities must not be null");
        for (T e : entities) {
            delete(e);
        }
    }

    @Override
    @Transactional
    public void deleteAll() {
        for (T e : findAll()) {
            session.delete(e);
        }
    }

    @Override
    @Transactional
    public void deleteAllByIdInBatch(Iterable<ID> ids) {
        Objects.requireNonNull(ids, "ids must not be null");
        List<Object> keys = new ArrayList<>();
        ids.forEach(keys::add);
        if (!keys.isEmpty()) {
            query().filter(column(entity.getJavaType(), entity.getIdAttribute()).in(keys))
                    .delete();
        }
    }

    @Override
    @Transactional
    public void deleteAllInBatch() {
        query().delete();
    }

    @Override
    public List<T> findAll(Sort sort) {
        Objects.requireNonNull(sort, "sort must not be null");
        return Sorting.apply(query(), entity.getJavaType(), sort).all();
    }

    @Override
    public Page<T> findAll(Pageable pageable) {
        Objects.requireNonNull(pageable, "pageable must not be null");
        Query<T> all = query();
        if (pageable.isUnpaged()) {
            return new org.springframework.data.domain.PageImpl<>(
                    Sorting.apply(all, entity.getJavaType(), pageable.getSort()).all());
        }
        List<T> content = Sorting.page(all, entity.getJavaType(), pageable).all();
        return PageableExecutionUtils.getPage(content, pageable, all::count);
    }

    @Override
    public String toString() {
        return "SimpleAlchemyRepository<" + entity.getJavaType().getName() + ">";
    }
}
