package dev.alchemy.orm;

/** The states of an object in the ORM, as SQLAlchemy names them. */
public enum ObjectState {
    /** Not in any session and never saved. */
    TRANSIENT,
    /** Added to a session, not yet flushed. */
    PENDING,
    /** In a session, with a row in the database. */
    PERSISTENT,
    /** Marked for deletion in a session; flushed or not. */
    DELETED,
    /** Has a row in the database, but its session was closed or it was expunged. */
    DETACHED
}
