/** The orm contender. */
@NullMarked
package dev.alchemy.bench.orm;

import org.jspecify.annotations.NullMarked;
