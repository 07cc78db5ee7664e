/** Alchemy's observations in a Spring Boot application. */
@NullMarked
package dev.alchemy.boot.autoconfigure.observation;

import org.jspecify.annotations.NullMarked;
