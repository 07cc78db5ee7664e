package dev.alchemy.orm.internal.loading;

import dev.alchemy.orm.LoadOption;
import dev.alchemy.orm.internal.mapping.RelationshipProperty;
import dev.alchemy.orm.internal.state.InstanceState;
import java.util.List;

/** Select-IN loading: the relationship of every loaded object loads now, one statement per 500 owners. */
final class SelectinLoader implements LoaderStrategy {

    static final SelectinLoader INSTANCE = new SelectinLoader();

    private SelectinLoader() {}

    @Override
    public void load(
            RelationshipLoader loader, RelationshipProperty r, List<InstanceState> states, List<LoadOption> next) {
        if (r.collection) {
            loader.loadGroup(loader.group(r, states, next).members);
        } else {
            loader.loadSingle(r, states, next);
        }
    }
}
