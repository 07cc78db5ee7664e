package dev.alchemy.boot.autoconfigure.observation;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;

/**
 * Names and tags the observation of a flush. Define a bean of this type to replace
 * {@link DefaultFlushObservationConvention}, e.g. extending it:
 *
 * <pre>{@code
 * @Bean
 * FlushObservationConvention flushConvention() {
 *     return new DefaultFlushObservationConvention() {
 *         public String getName() {
 *             return "orm.flush";
 *         }
 *     };
 * }
 * }</pre>
 */
public interface FlushObservationConvention extends ObservationConvention<FlushContext> {

    @Override
    default boolean supportsContext(Observation.Context context) {
        return context instanceof FlushContext;
    }
}
