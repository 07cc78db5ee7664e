package dev.alchemy.orm.internal.relationships;

import dev.alchemy.orm.internal.loading.JoinedLoad;
import dev.alchemy.orm.internal.mapping.Mapper;
import dev.alchemy.sql.Select;

/** Entry points from the public ORM classes into relationship joins. */
public final class Relations {

    private Relations() {}

    /**
     * @param select the owners' SELECT
     * @param owner the class with the relationship
     * @param name the relationship's field name
     * @param outer LEFT OUTER JOIN instead of JOIN
     * @return the joined SELECT
     */
    public static Select join(Select select, Class<?> owner, String name, boolean outer) {
        return JoinedLoad.join(select, Mapper.of(owner).relationship(name), outer);
    }
}
