/** The core contender. */
@NullMarked
package dev.alchemy.bench.core;

import org.jspecify.annotations.NullMarked;
