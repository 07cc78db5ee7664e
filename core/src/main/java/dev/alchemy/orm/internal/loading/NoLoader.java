package dev.alchemy.orm.internal.loading;

import dev.alchemy.orm.LoadOption;
import dev.alchemy.orm.internal.mapping.RelationshipProperty;
import dev.alchemy.orm.internal.state.InstanceState;
import java.util.List;

/** No loading: a collection is empty and a reference null, whatever the rows hold. */
final class NoLoader implements LoaderStrategy {

    static final NoLoader INSTANCE = new NoLoader();

    private NoLoader() {}

    @Override
    public void load(
            RelationshipLoader loader, RelationshipProperty r, List<InstanceState> states, List<LoadOption> next) {
        for (InstanceState st : states) {
            if (r.collection) {
                loader.newCollection(st, r).fill(List.of());
            } else {
                r.set(st.instance, null);
            }
        }
    }
}
