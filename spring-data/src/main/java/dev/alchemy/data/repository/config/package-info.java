/**
 * Turning Alchemy repositories on: {@link dev.alchemy.data.repository.config.EnableAlchemyRepositories} (Spring Boot's
 * auto-configuration does it for the application's package).
 */
@NullMarked
package dev.alchemy.data.repository.config;

import org.jspecify.annotations.NullMarked;
