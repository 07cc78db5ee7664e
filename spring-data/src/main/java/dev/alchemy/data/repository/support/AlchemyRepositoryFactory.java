package dev.alchemy.data.repository.support;

import dev.alchemy.orm.Session;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.data.repository.core.EntityInformation;
import org.springframework.data.repository.core.RepositoryInformation;
import org.springframework.data.repository.core.RepositoryMetadata;
import org.springframework.data.repository.core.support.RepositoryFactorySupport;
import org.springframework.data.repository.query.QueryLookupStrategy;
import org.springframework.data.repository.query.ValueExpressionDelegate;

/**
 * Creates Alchemy repositories: proxies of repository interfaces whose CRUD methods are {@link SimpleAlchemyRepository}'s
 * and whose query methods are derived from their names or read from {@link dev.alchemy.data.repository.Query}.
 * Usually made by {@link AlchemyRepositoryFactoryBean}; without Spring's container:
 *
 * <pre>{@code
 * OwnerRepository owners = new AlchemyRepositoryFactory(session).getRepository(OwnerRepository.class);
 * }</pre>
 */
public class AlchemyRepositoryFactory extends RepositoryFactorySupport {

    private final Session session;

    /** @param session the session repositories work in: in Spring, the shared, transaction-bound session */
    public AlchemyRepositoryFactory(Session session) {
        this.session = Objects.requireNonNull(session, "session");
    }

    @Override
    public EntityInformation<?, ?> getEntityInformation(RepositoryMetadata metadata) {
        return AlchemyEntityInformation.of(metadata.getDomainType());
    }

    @Override
    protected Object getTargetRepository(RepositoryInformation information) {
        return getTargetRepositoryViaReflection(
                information, AlchemyEntityInformation.of(information.getDomainType()), session);
    }

    @Override
    protected Class<?> getRepositoryBaseClass(RepositoryMetadata metadata) {
        return SimpleAlchemyRepository.class;
    }

    @Override
    protected Optional<QueryLookupStrategy> getQueryLookupStrategy(
            QueryLookupStrategy.@Nullable Key key, ValueExpressionDelegate valueExpressionDelegate) {
        return Optional.of(new AlchemyQueryLookupStrategy(
                session, key == null ? QueryLookupStrategy.Key.CREATE_IF_NOT_FOUND : key));
    }
}
