package dev.alchemy.orm.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * The collections of one relationship for every object one query loaded: the first access of any of them loads them
 * all in one statement, so iterating the objects and their collections is never N+1.
 */
final class LoadGroup {

    final RelationshipProperty relationship;
    final List<CollectionState> members = new ArrayList<>();

    LoadGroup(RelationshipProperty relationship) {
        this.relationship = relationship;
    }
}
