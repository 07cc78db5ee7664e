/** The startup benchmark's models. */
@NullMarked
package dev.alchemy.bench.startup.jpa.model;

import org.jspecify.annotations.NullMarked;
