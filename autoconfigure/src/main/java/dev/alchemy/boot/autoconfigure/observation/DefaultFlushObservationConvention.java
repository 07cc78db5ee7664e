package dev.alchemy.boot.autoconfigure.observation;

import dev.alchemy.boot.autoconfigure.observation.AlchemyObservationDocumentation.CommonKeyNames;
import dev.alchemy.boot.autoconfigure.observation.AlchemyObservationDocumentation.FlushKeyNames;
import io.micrometer.common.KeyValues;

/**
 * The observation {@code alchemy.flush} (span "alchemy flush"), tagged with its outcome; the rows inserted, updated
 * and deleted are high-cardinality keys (span attributes, not metric tags).
 */
public class DefaultFlushObservationConvention implements FlushObservationConvention {

    /** The convention. */
    public DefaultFlushObservationConvention() {}

    @Override
    public String getName() {
        return "alchemy.flush";
    }

    @Override
    public String getContextualName(FlushContext context) {
        return "alchemy flush";
    }

    @Override
    public KeyValues getLowCardinalityKeyValues(FlushContext context) {
        return KeyValues.of(CommonKeyNames.OUTCOME.withValue(context.getError() == null ? "SUCCESS" : "ERROR"));
    }

    @Override
    public KeyValues getHighCardinalityKeyValues(FlushContext context) {
        return KeyValues.of(
                FlushKeyNames.INSERTED.withValue(Integer.toString(context.getInserted())),
                FlushKeyNames.UPDATED.withValue(Integer.toString(context.getUpdated())),
                FlushKeyNames.DELETED.withValue(Integer.toString(context.getDeleted())));
    }
}
