package dev.alchemy.boot.autoconfigure.observation;

import io.micrometer.common.docs.KeyName;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;
import io.micrometer.observation.docs.ObservationDocumentation;

/**
 * The observations Alchemy makes through Micrometer's Observation API: the flushes of its sessions and its ORM
 * queries. With Spring Boot's metrics they become the timers {@code alchemy.flush} and {@code alchemy.query}
 * (tagged with the low-cardinality keys), with tracing the spans "alchemy flush" and "alchemy select User" (with
 * the high-cardinality keys too).
 */
public enum AlchemyObservationDocumentation implements ObservationDocumentation {

    /** A session's flush: the INSERTs, UPDATEs and DELETEs of its pending changes. */
    FLUSH {
        @Override
        public Class<? extends ObservationConvention<? extends Observation.Context>> getDefaultConvention() {
            return DefaultFlushObservationConvention.class;
        }

        @Override
        public KeyName[] getLowCardinalityKeyNames() {
            return new KeyName[] {CommonKeyNames.OUTCOME};
        }

        @Override
        public KeyName[] getHighCardinalityKeyNames() {
            return FlushKeyNames.values();
        }
    },

    /** An ORM query: a SELECT of model objects. */
    QUERY {
        @Override
        public Class<? extends ObservationConvention<? extends Observation.Context>> getDefaultConvention() {
            return DefaultQueryObservationConvention.class;
        }

        @Override
        public KeyName[] getLowCardinalityKeyNames() {
            return new KeyName[] {QueryKeyNames.MODEL, QueryKeyNames.OPERATION, CommonKeyNames.OUTCOME};
        }

        @Override
        public KeyName[] getHighCardinalityKeyNames() {
            return new KeyName[] {QueryKeyNames.SQL};
        }
    };

    /** Keys of both observations. */
    public enum CommonKeyNames implements KeyName {
        /** {@code SUCCESS} or {@code ERROR}. */
        OUTCOME {
            @Override
            public String asString() {
                return "outcome";
            }
        }
    }

    /** The high-cardinality keys of a flush: how many rows it wrote. */
    public enum FlushKeyNames implements KeyName {
        /** Rows inserted. */
        INSERTED {
            @Override
            public String asString() {
                return "alchemy.flush.inserted";
            }
        },
        /** Rows updated. */
        UPDATED {
            @Override
            public String asString() {
                return "alchemy.flush.updated";
            }
        },
        /** Rows deleted. */
        DELETED {
            @Override
            public String asString() {
                return "alchemy.flush.deleted";
            }
        }
    }

    /** The keys of an ORM query. */
    public enum QueryKeyNames implements KeyName {
        /** The model class queried, by its fully qualified name. */
        MODEL {
            @Override
            public String asString() {
                return "alchemy.model";
            }
        },
        /** The kind of query: {@code select}. */
        OPERATION {
            @Override
            public String asString() {
                return "alchemy.operation";
            }
        },
        /** The SQL of the query's statement, with {@code ?} placeholders and no values (high cardinality). */
        SQL {
            @Override
            public String asString() {
                return "db.query.text";
            }
        }
    }
}
