package dev.alchemy.boot.autoconfigure.observation;

import io.micrometer.observation.Observation;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** What an observation of an ORM query knows: the model, the operation and, once it ran, the SQL. */
public final class QueryContext extends Observation.Context {

    private final Class<?> model;
    private final String operation;
    private @Nullable String sql;

    /**
     * @param model the model class queried
     * @param operation the kind of query, {@code select}
     */
    public QueryContext(Class<?> model, String operation) {
        this.model = Objects.requireNonNull(model, "model");
        this.operation = Objects.requireNonNull(operation, "operation");
    }

    /** @return the model class queried */
    public Class<?> getModel() {
        return model;
    }

    /** @return the kind of query */
    public String getOperation() {
        return operation;
    }

    /** @return the SQL of the query's (first) statement, null until it ran */
    public @Nullable String getSql() {
        return sql;
    }

    void sql(String sql) {
        if (this.sql == null) {
            this.sql = sql; // the query's own SELECT; later ones load relationships
        }
    }
}
