package dev.alchemy.orm.internal.state;

import dev.alchemy.orm.internal.mapping.RelationshipProperty;
import java.util.ArrayList;
import java.util.List;

/**
 * The collections of one relationship for every object one query loaded: the first access of any of them loads them
 * all in one statement, so iterating the objects and their collections is never N+1.
 */
public final class LoadGroup {

    public final RelationshipProperty relationship;
    public final List<CollectionState> members = new ArrayList<>();

    public LoadGroup(RelationshipProperty relationship) {
        this.relationship = relationship;
    }
}
