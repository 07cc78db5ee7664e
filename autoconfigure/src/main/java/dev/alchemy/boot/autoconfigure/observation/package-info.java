/**
 * Alchemy's flushes and ORM queries as Micrometer observations ({@link
 * dev.alchemy.boot.autoconfigure.observation.AlchemyObservationDocumentation}): the starter installs an {@link
 * dev.alchemy.boot.autoconfigure.observation.ObservingOrmObserver} when the application has an {@code
 * ObservationRegistry}; conventions are replaced by beans of {@link
 * dev.alchemy.boot.autoconfigure.observation.FlushObservationConvention} and {@link
 * dev.alchemy.boot.autoconfigure.observation.QueryObservationConvention}.
 */
@NullMarked
package dev.alchemy.boot.autoconfigure.observation;

import org.jspecify.annotations.NullMarked;
