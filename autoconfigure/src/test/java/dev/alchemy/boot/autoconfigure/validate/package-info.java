/** An application whose database drifts from its models, for {@code alchemy.schema.mode=validate}. */
@NullMarked
package dev.alchemy.boot.autoconfigure.validate;

import org.jspecify.annotations.NullMarked;
