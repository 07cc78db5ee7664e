/** Helpers of the exceptions and the engine's log; not public API. */
@NullMarked
package dev.alchemy.exc.internal;

import org.jspecify.annotations.NullMarked;
