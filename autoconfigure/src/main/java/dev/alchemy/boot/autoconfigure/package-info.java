/**
 * Spring Boot auto-configuration for Alchemy: the embedded SQLite {@code DataSource} used when the application has
 * none, the {@link dev.alchemy.engine.Engine} bound to Spring transactions, exception translation to Spring's
 * {@code DataAccessException}s and the {@code alchemy.*} properties.
 */
@NullMarked
package dev.alchemy.boot.autoconfigure;

import org.jspecify.annotations.NullMarked;
