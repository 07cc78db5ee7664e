/** A Spring Boot application with a single-table hierarchy and {@code @Transactional} services. */
@NullMarked
package dev.alchemy.boot.autoconfigure.inheritance;

import org.jspecify.annotations.NullMarked;
