/** Alchemy in Spring Boot's {@code @JdbcTest} slice. */
@NullMarked
package dev.alchemy.boot.autoconfigure.slice;

import org.jspecify.annotations.NullMarked;
