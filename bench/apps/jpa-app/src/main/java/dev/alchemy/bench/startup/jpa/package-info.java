/** The startup benchmark's application on Spring Data JPA. */
@NullMarked
package dev.alchemy.bench.startup.jpa;

import org.jspecify.annotations.NullMarked;
