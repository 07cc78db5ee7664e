package dev.alchemy.orm.internal.loading;

import dev.alchemy.orm.LoadOption;
import dev.alchemy.orm.internal.mapping.Mapper;
import dev.alchemy.orm.internal.mapping.RelationshipProperty;
import dev.alchemy.orm.internal.state.CollectionState;
import dev.alchemy.orm.internal.state.InstanceState;
import dev.alchemy.orm.internal.state.LoadGroup;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

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

    static final LoadGroup[] NO_GROUPS = new LoadGroup[0];

    /**
     * The load groups of a class's collections that a query loads lazily (not by a joined load of its own), made
     * before its rows are built, so that each new object gets its tracked collection ({@link #join}) while the
     * object is still in the processor's cache: a second pass over 20,000 loaded objects to do it cost a cache miss
     * per object, a quarter of the load in a profile.
     *
     * @param mapper the query's class, not a hierarchy's
     * @param options the query's loader options
     * @param joinedLoad the query's joined loads, or null
     * @return the groups, one per such collection
     */
    static LoadGroup[] groupsFor(Mapper<?> mapper, LoaderOptions options, @Nullable JoinedLoad joinedLoad) {
        @Nullable List<LoadGroup> groups = null;
        candidates:
        for (RelationshipProperty r : mapper.relationshipArray) {
            if (!r.collection) {
                continue;
            }
            r.resolve();
            if (joinedLoad != null) {
                for (JoinedLoad.Joined j : joinedLoad.joined) {
                    if (j.relationship() == r) {
                        continue candidates;
                    }
                }
            }
            if (LoaderStrategy.of(RelationshipLoader.effective(r, options.loading(r.name))) == INSTANCE) {
                if (groups == null) {
                    groups = new ArrayList<>(2);
                }
                groups.add(new LoadGroup(r, options.next(r.name)));
            }
        }
        return groups == null ? NO_GROUPS : groups.toArray(NO_GROUPS);
    }

    /** Gives a new (or refreshed) object its tracked, unloaded collection in a group from {@link #groupsFor}. */
    static void join(RelationshipLoader loader, LoadGroup group, InstanceState st) {
        CollectionState cs = loader.newCollection(st, group.relationship);
        cs.group = group;
        group.members.add(cs);
    }
}
