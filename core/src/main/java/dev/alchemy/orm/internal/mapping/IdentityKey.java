package dev.alchemy.orm.internal.mapping;

/**
 * An object's identity in a session: its class and primary key (a single value, or a list for a composite key).
 *
 * @param type the mapped class
 * @param id the primary key value(s)
 */
public record IdentityKey(Class<?> type, Object id) {}
