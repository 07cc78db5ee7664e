package dev.alchemy.boot.autoconfigure.observation;

import dev.alchemy.boot.autoconfigure.observation.AlchemyObservationDocumentation.CommonKeyNames;
import dev.alchemy.boot.autoconfigure.observation.AlchemyObservationDocumentation.QueryKeyNames;
import io.micrometer.common.KeyValues;

/**
 * The observation {@code alchemy.query} (span "alchemy select User"), tagged with the model, the operation and the
 * outcome; the SQL is a high-cardinality key ({@code db.query.text}, without values: those are always bound
 * parameters).
 */
public class DefaultQueryObservationConvention implements QueryObservationConvention {

    /** The convention. */
    public DefaultQueryObservationConvention() {}

    @Override
    public String getName() {
        return "alchemy.query";
    }

    @Override
    public String getContextualName(QueryContext context) {
        return "alchemy " + context.getOperation() + " " + context.getModel().getSimpleName();
    }

    @Override
    public KeyValues getLowCardinalityKeyValues(QueryContext context) {
        return KeyValues.of(
                QueryKeyNames.MODEL.withValue(context.getModel().getName()),
                QueryKeyNames.OPERATION.withValue(context.getOperation()),
                CommonKeyNames.OUTCOME.withValue(context.getError() == null ? "SUCCESS" : "ERROR"));
    }

    @Override
    public KeyValues getHighCardinalityKeyValues(QueryContext context) {
        String sql = context.getSql();
        return sql == null ? KeyValues.empty() : KeyValues.of(QueryKeyNames.SQL.withValue(sql));
    }
}
