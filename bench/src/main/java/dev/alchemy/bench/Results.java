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

    /**
     * @param workload a workload
     * @param database a database
     * @param contenders the contenders of the run
     * @return the fastest of the peers ({@link Contenders#PEERS}) measured on it, or null when none was
     */
    @Nullable
    String bestPeer(String workload, String database, List<String> contenders) {
        String best = null;
        double fastest = Double.MAX_VALUE;
        for (String peer : Contenders.PEERS) {
            Measurement m = contenders.contains(peer) ? get(workload, peer, database) : null;
            if (m != null && m.median() < fastest) {
                fastest = m.median();
                best = peer;
            }
        }
        return best;
    }

    /**
     * @param workload a workload
     * @param database a database
     * @param contenders the contenders of the run
     * @return whether Alchemy's ORM was faster than the best peer, or null when either was not measured
     */
    @Nullable
    Boolean ormAhead(String workload, String database, List<String> contenders) {
        String peer = bestPeer(workload, database, contenders);
        Measurement orm = get(workload, "orm", database);
        Measurement best = peer == null ? null : get(workload, peer, database);
        return orm == null || best == null ? null : orm.median() < best.median();
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
