package dev.alchemy.orm;

/** How a relationship loads, like SQLAlchemy's {@code lazy=} setting and loader options. */
public enum Loading {
    /** Collections: {@link #LAZY}; references: {@link #SELECTIN}. Neither gives N+1 queries. */
    DEFAULT,
    /**
     * On first access of any object's collection, the collections of every object loaded by the same query are loaded
     * in one statement. After the session is closed, access fails with {@link dev.alchemy.exc.DetachedInstanceError}.
     */
    LAZY,
    /** Right after the owning objects, in one more statement: {@code WHERE fk IN (...)}. */
    SELECTIN,
    /**
     * In the same statement as the owning objects, with a LEFT OUTER JOIN. When the query has LIMIT or OFFSET (which
     * must count owners, not joined rows) or already joins the same table, the relationship is loaded as
     * {@link #SELECTIN} instead: one more statement, never one per owner.
     */
    JOINED,
    /** Not loaded; accessing a collection fails with a message naming the loader option to use. */
    RAISE,
    /** Not loaded: collections are empty, references null. */
    NOLOAD
}
