/** Concurrent HTTP requests against a Spring Boot web application on Alchemy: no errors, no lost writes. */
@NullMarked
package dev.alchemy.reliability.web;

import org.jspecify.annotations.NullMarked;
