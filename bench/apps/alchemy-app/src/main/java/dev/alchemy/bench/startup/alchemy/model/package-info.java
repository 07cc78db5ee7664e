/** The startup benchmark's models. */
@NullMarked
package dev.alchemy.bench.startup.alchemy.model;

import org.jspecify.annotations.NullMarked;
