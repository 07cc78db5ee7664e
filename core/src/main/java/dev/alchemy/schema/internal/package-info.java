/** The implementation of {@link dev.alchemy.schema.Inspector}; not a supported API. */
@NullMarked
package dev.alchemy.schema.internal;

import org.jspecify.annotations.NullMarked;
