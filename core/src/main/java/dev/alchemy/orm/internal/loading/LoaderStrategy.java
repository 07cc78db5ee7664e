package dev.alchemy.orm.internal.loading;

import dev.alchemy.orm.LoadOption;
import dev.alchemy.orm.Loading;
import dev.alchemy.orm.internal.mapping.RelationshipProperty;
import dev.alchemy.orm.internal.state.InstanceState;
import java.util.List;

/**
 * How a relationship of freshly loaded objects is set up, one class per strategy as SQLAlchemy's {@code strategies.py}:
 * {@link LazyLoader}, {@link SelectinLoader}, {@link JoinedLoader}, {@link RaiseLoader} and {@link NoLoader}.
 */
sealed interface LoaderStrategy permits LazyLoader, SelectinLoader, JoinedLoader, RaiseLoader, NoLoader {

    /**
     * @param loading how a relationship loads ({@link RelationshipLoader#effective}: never DEFAULT)
     * @return its strategy
     */
    static LoaderStrategy of(Loading loading) {
        return switch (loading) {
            case LAZY, DEFAULT -> LazyLoader.INSTANCE;
            case SELECTIN -> SelectinLoader.INSTANCE;
            case JOINED -> JoinedLoader.INSTANCE;
            case RAISE -> RaiseLoader.INSTANCE;
            case NOLOAD -> NoLoader.INSTANCE;
        };
    }

    /**
     * Sets up a relationship of objects a query created or refreshed.
     *
     * @param loader the session's relationship loader
     * @param r the relationship
     * @param states the objects
     */
    void load(RelationshipLoader loader, RelationshipProperty r, List<InstanceState> states, List<LoadOption> next);
}
