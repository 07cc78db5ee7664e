/** The hibernate contender. */
@NullMarked
package dev.alchemy.bench.hibernate;

import org.jspecify.annotations.NullMarked;
