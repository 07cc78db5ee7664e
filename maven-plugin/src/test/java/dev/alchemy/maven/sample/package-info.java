/** A sample project's models. */
@NullMarked
package dev.alchemy.maven.sample;

import org.jspecify.annotations.NullMarked;
