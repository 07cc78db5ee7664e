/** A Spring Boot application with Alchemy models and a {@code @Transactional} service using the shared Session. */
@NullMarked
package dev.alchemy.boot.autoconfigure.session;

import org.jspecify.annotations.NullMarked;
