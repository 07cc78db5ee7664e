/**
 * Spring Boot auto-configuration for Alchemy: the embedded SQLite {@code DataSource} used when the application has
 * none, the {@link dev.alchemy.engine.Engine} bound to Spring transactions, the scanned models and their tables
 * created at start-up, the {@link dev.alchemy.orm.SessionFactory} and the shared transactional
 * {@link dev.alchemy.orm.Session} ({@link dev.alchemy.boot.autoconfigure.SharedSession}), exception translation to
 * Spring's {@code DataAccessException}s and the {@code alchemy.*} properties.
 */
@NullMarked
package dev.alchemy.boot.autoconfigure;

import org.jspecify.annotations.NullMarked;
