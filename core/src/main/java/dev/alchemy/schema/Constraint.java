package dev.alchemy.schema;

import org.jspecify.annotations.Nullable;

/**
 * A table constraint: {@link PrimaryKeyConstraint}, {@link UniqueConstraint}, {@link CheckConstraint},
 * {@link ForeignKeyConstraint}.
 */
public sealed interface Constraint extends SchemaItem
        permits PrimaryKeyConstraint, UniqueConstraint, CheckConstraint, ForeignKeyConstraint {

    /** @return the constraint's name, or null to let the database choose */
    @Nullable
    String name();
}
