package dev.alchemy.orm.internal.loading;

import dev.alchemy.orm.LoadOption;
import dev.alchemy.orm.internal.mapping.RelationshipProperty;
import dev.alchemy.orm.internal.state.InstanceState;
import java.util.List;

/**
 * Lazy loading: a collection loads on first access, together with the same collection of every object the query
 * loaded (its load group), so iterating is never N+1. A reference has no proxy to defer to: it loads at once, a
 * statement per 500 keys, as selectin does.
 */
final class LazyLoader implements LoaderStrategy {

    static final LazyLoader INSTANCE = new LazyLoader();

    private LazyLoader() {}

    @Override
    public void load(
            RelationshipLoader loader, RelationshipProperty r, List<InstanceState> states, List<LoadOption> next) {
        if (r.collection) {
            loader.group(r, states, next);
        } else {
            loader.loadSingle(r, states, next);
        }
    }
}
