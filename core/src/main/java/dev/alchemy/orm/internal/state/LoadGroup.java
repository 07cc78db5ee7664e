package dev.alchemy.orm.internal.state;

import dev.alchemy.orm.LoadOption;
import dev.alchemy.orm.internal.mapping.RelationshipProperty;
import java.util.ArrayList;
import java.util.List;

/**
 * The collections of one relationship for every object one query loaded: the first access of any of them loads them
 * all in one statement, so iterating the objects and their collections is never N+1. The query's loader options
 * chained after this relationship's ({@code Load.lazy(Owner::getPets).selectin(Pet::getVisits)}) stay with the group
 * and apply when it loads.
 */
public final class LoadGroup {

    public final RelationshipProperty relationship;
    public final List<CollectionState> members = new ArrayList<>();
    /** The loader options for the relationships of the objects the collections hold. */
    public final List<LoadOption> next;

    /**
     * @param relationship the collection relationship
     * @param next the loader options for the relationships of the objects its collections will hold
     */
    public LoadGroup(RelationshipProperty relationship, List<LoadOption> next) {
        this.relationship = relationship;
        this.next = next;
    }
}
