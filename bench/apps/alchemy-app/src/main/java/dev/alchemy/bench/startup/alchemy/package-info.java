/** The startup benchmark's application on the Alchemy starter. */
@NullMarked
package dev.alchemy.bench.startup.alchemy;

import org.jspecify.annotations.NullMarked;
