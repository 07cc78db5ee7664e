package dev.alchemy.orm.internal.loading;

import dev.alchemy.orm.LoadOption;
import dev.alchemy.orm.internal.mapping.RelationshipProperty;
import dev.alchemy.orm.internal.state.CollectionState;
import dev.alchemy.orm.internal.state.InstanceState;
import java.util.List;

/**
 * Raise loading: a collection refuses to load on access (an {@code InvalidRequestError} that names the loader option
 * to use); a reference is left null.
 */
final class RaiseLoader implements LoaderStrategy {

    static final RaiseLoader INSTANCE = new RaiseLoader();

    private RaiseLoader() {}

    @Override
    public void load(
            RelationshipLoader loader, RelationshipProperty r, List<InstanceState> states, List<LoadOption> next) {
        for (InstanceState st : states) {
            if (r.collection) {
                CollectionState cs = loader.newCollection(st, r);
                cs.raise = true;
            } else {
                r.set(st.instance, null);
            }
        }
    }
}
