package dev.alchemy.orm.criteria;

/** Models whose rows are deleted by setting a deleted flag. */
public interface SoftDeleted {}
