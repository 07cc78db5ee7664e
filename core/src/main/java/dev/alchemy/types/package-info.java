/** SQL types and their Java counterparts: {@link dev.alchemy.types.SqlType} and the standard types in {@link dev.alchemy.types.SqlTypes}. */
@NullMarked
package dev.alchemy.types;

import org.jspecify.annotations.NullMarked;
