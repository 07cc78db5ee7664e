/** The jdbc contender. */
@NullMarked
package dev.alchemy.bench.jdbc;

import org.jspecify.annotations.NullMarked;
