package dev.alchemy.orm.internal.loading;

import dev.alchemy.orm.LoadOption;
import dev.alchemy.orm.internal.mapping.RelationshipProperty;
import dev.alchemy.orm.internal.state.InstanceState;
import java.util.List;
import java.util.Map;

/**
 * Joined loading: the query's own SELECT joined the related rows ({@link JoinedLoad} plans it), and
 * {@link #fill} sets them up from what the rows held. Where no join was made (a relationship of objects that were
 * themselves loaded by another strategy), the relationship loads as with selectin.
 */
final class JoinedLoader implements LoaderStrategy {

    static final JoinedLoader INSTANCE = new JoinedLoader();

    private JoinedLoader() {}

    @Override
    public void load(
            RelationshipLoader loader, RelationshipProperty r, List<InstanceState> states, List<LoadOption> next) {
        SelectinLoader.INSTANCE.load(loader, r, states, next);
    }

    /**
     * Sets up a relationship from what a joined SELECT fetched.
     *
     * @param loader the session's relationship loader
     * @param r the relationship
     * @param states the owners
     * @param fetched the related objects per owner
     */
    static void fill(
            RelationshipLoader loader,
            RelationshipProperty r,
            List<InstanceState> states,
            Map<Object, List<Object>> fetched) {
        for (InstanceState st : states) {
            List<Object> content = fetched.getOrDefault(st.instance, List.of());
            if (r.collection) {
                loader.newCollection(st, r).fill(content);
            } else {
                Object ref = content.isEmpty() ? null : content.get(0);
                r.set(st.instance, ref);
                st.reference(r, ref);
            }
        }
    }
}
