/** Static entry points, the Java counterpart of {@code from sqlalchemy import ...}: {@link dev.alchemy.Alchemy}. */
@NullMarked
package dev.alchemy;

import org.jspecify.annotations.NullMarked;
