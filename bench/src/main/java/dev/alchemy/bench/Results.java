package dev.alchemy.bench;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The measurements of one run, with lookups by workload, contender and database. */
final class Results {

    private final List<Measurement> all;

    Results(List<Measurement> all) {
        this.all = new ArrayList<>(all);
    }

    List<Measurement> all() {
        return all;
    }

    @Nullable
    Measurement get(String workload, String contender, String database) {
        for (Measurement m : all) {
            if (m.workload().equals(workload)
                    && m.contender().equals(contender)
                    && m.database().equals(database)) {
                return m;
            }
        }
        return null;
    }

    /** @return the contender's median over raw JDBC's, or null when either is missing */
    @Nullable
    Double ratio(String workload, String contender, String database) {
        Measurement m = get(workload, contender, database);
        Measurement base = get(workload, "jdbc", database);
        if (m == null || base == null) {
            return null;
        }
        return m.median() / base.median();
    }
}
