/** The jOOQ contender. */
@NullMarked
package dev.alchemy.bench.jooq;

import org.jspecify.annotations.NullMarked;
