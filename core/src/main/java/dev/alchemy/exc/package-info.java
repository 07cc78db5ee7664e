/** The exceptions Alchemy raises, rooted at the unchecked {@link dev.alchemy.exc.AlchemyException}, like {@code sqlalchemy.exc}. */
@NullMarked
package dev.alchemy.exc;

import org.jspecify.annotations.NullMarked;
