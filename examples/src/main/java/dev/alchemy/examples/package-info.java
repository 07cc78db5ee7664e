/** Runnable plain-Java examples of Alchemy, each a {@code main} that prints what it does and the SQL it sends. */
@NullMarked
package dev.alchemy.examples;

import org.jspecify.annotations.NullMarked;
