package dev.alchemy.schema;

/** A table constraint declared on its own: {@link UniqueConstraint}, {@link CheckConstraint}, {@link ForeignKeyConstraint}. */
public sealed interface Constraint extends SchemaItem permits UniqueConstraint, CheckConstraint, ForeignKeyConstraint {

    /** @return the constraint's name, or null to let the database choose */
    @org.jspecify.annotations.Nullable
    String name();
}
