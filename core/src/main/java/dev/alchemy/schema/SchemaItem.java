package dev.alchemy.schema;

/** Something that goes into a {@link Table}'s definition: a column, a constraint or an index. */
public sealed interface SchemaItem permits Column, Constraint, Index {}
