package dev.alchemy.boot.autoconfigure.observation;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;

/**
 * Names and tags the observation of an ORM query. Define a bean of this type to replace
 * {@link DefaultQueryObservationConvention}.
 */
public interface QueryObservationConvention extends ObservationConvention<QueryContext> {

    @Override
    default boolean supportsContext(Observation.Context context) {
        return context instanceof QueryContext;
    }
}
