package dev.alchemy.engine.internal;

import dev.alchemy.exc.internal.Excerpt;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Statement logging: INFO when the engine echoes, DEBUG otherwise, like SQLAlchemy's {@code echo}. The SQL and the
 * parameters are capped as exception messages cap them ({@link Excerpt}): at most 2,000 characters of each, saying
 * how much was cut, a {@code byte[]} as its length, an executemany's first 10 parameter sets.
 */
final class SqlLog {

    static final Logger LOG = LoggerFactory.getLogger("dev.alchemy.engine");

    private final boolean echo;
    private final boolean hideParameters;

    SqlLog(boolean echo, boolean hideParameters) {
        this.echo = echo;
        this.hideParameters = hideParameters;
    }

    boolean enabled() {
        return echo ? LOG.isInfoEnabled() : LOG.isDebugEnabled();
    }

    void message(String text) {
        if (echo) {
            LOG.info(text);
        } else {
            LOG.debug(text);
        }
    }

    void statement(String sql, @Nullable List<?> parameters, int batchSize) {
        if (!enabled()) {
            return;
        }
        message(Excerpt.sql(sql));
        if (hideParameters) {
            message("[SQL parameters hidden due to hideParameters=true]");
        } else if (batchSize > 1) {
            message("[executemany: " + batchSize + " parameter sets] "
                    + (parameters == null ? "[]" : Excerpt.parameters(parameters)));
        } else if (parameters != null && !parameters.isEmpty()) {
            message("[parameters] " + Excerpt.parameters(parameters));
        } else {
            message("[no parameters]");
        }
    }
}
