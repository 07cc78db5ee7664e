package dev.alchemy.data.repository.support;

import dev.alchemy.data.repository.Query;
import dev.alchemy.orm.Session;
import java.lang.reflect.Method;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.data.projection.ProjectionFactory;
import org.springframework.data.repository.core.NamedQueries;
import org.springframework.data.repository.core.RepositoryMetadata;
import org.springframework.data.repository.query.QueryLookupStrategy;
import org.springframework.data.repository.query.QueryMethod;
import org.springframework.data.repository.query.RepositoryQuery;

/**
 * Finds the query of each query method: its {@link Query} annotation, else the query its name describes. {@code
 * CREATE} ignores annotations; {@code USE_DECLARED_QUERY} requires one.
 */
final class AlchemyQueryLookupStrategy implements QueryLookupStrategy {

    private final Session session;
    private final Key key;

    AlchemyQueryLookupStrategy(Session session, Key key) {
        this.session = session;
        this.key = key;
    }

    @Override
    public RepositoryQuery resolveQuery(
            Method method, RepositoryMetadata metadata, ProjectionFactory factory, NamedQueries namedQueries) {
        QueryMethod queryMethod = new QueryMethod(method, metadata, factory);
        Class<?> domainType = metadata.getDomainType();
        Query declared = AnnotatedElementUtils.findMergedAnnotation(method, Query.class);
        if (declared != null && key != Key.CREATE) {
            return declared(method, queryMethod, declared, domainType);
        }
        if (key == Key.USE_DECLARED_QUERY) {
            throw org.springframework.data.repository.query.QueryCreationException.create(
                    queryMethod, "the lookup strategy USE_DECLARED_QUERY needs @Query on every query method");
        }
        return derived(method, queryMethod, domainType);
    }

    private <T> RepositoryQuery declared(Method method, QueryMethod queryMethod, Query declared, Class<T> type) {
        return new DeclaredAlchemyQuery<>(
                method,
                queryMethod,
                declared,
                session,
                type,
                AlchemyEntityInformation.of(type).getIdAttribute());
    }

    private <T> RepositoryQuery derived(Method method, QueryMethod queryMethod, Class<T> type) {
        return new PartTreeAlchemyQuery<>(method, queryMethod, session, type);
    }
}
