package dev.alchemy.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Which workloads the page profiles: where the ORM misses its target or a peer is faster, on either database. */
class WantsProfileTest {

    private static final BenchOptions OPTIONS =
            BenchOptions.parse(new String[] {"--contenders", "jdbc,orm,hibernate,jooq,mybatis"});

    private static Measurement m(String workload, String contender, String db, double millis) {
        return new Measurement(workload, contender, db, List.of(millis), Double.NaN);
    }

    @Test
    void aPeerAheadOnPostgresqlIsProfiled() {
        Results results = new Results(List.of(
                m("W2", "jdbc", "postgresql", 10),
                m("W2", "orm", "postgresql", 12), // within any target, but jOOQ is faster
                m("W2", "jooq", "postgresql", 11),
                m("W2", "hibernate", "postgresql", 20)));
        assertThat(results.ormAhead("W2", "postgresql", OPTIONS.contenders())).isFalse();
        assertThat(BenchMain.wantsProfile(results, OPTIONS, Workload.W2, "postgresql"))
                .isTrue();
    }

    @Test
    void theOrmAheadAndWithinItsTargetIsNotProfiled() {
        Results results = new Results(List.of(
                m("W2", "jdbc", "postgresql", 10),
                m("W2", "orm", "postgresql", 12),
                m("W2", "jooq", "postgresql", 13),
                m("W3", "jdbc", "sqlite", 100),
                m("W3", "orm", "sqlite", 110),
                m("W3", "mybatis", "sqlite", 150)));
        assertThat(BenchMain.wantsProfile(results, OPTIONS, Workload.W2, "postgresql"))
                .isFalse();
        assertThat(BenchMain.wantsProfile(results, OPTIONS, Workload.W3, "sqlite"))
                .isFalse();
    }

    @Test
    void aMissedTargetIsProfiledEvenWithThePeersBehind() {
        Results results = new Results(List.of(
                m("W3", "jdbc", "postgresql", 100),
                m("W3", "orm", "postgresql", 120), // over W3's 1.15 on PostgreSQL
                m("W3", "mybatis", "postgresql", 130),
                m("W5", "jdbc", "sqlite", 2),
                m("W5", "orm", "sqlite", 9), // over W5's 1.30 on SQLite
                m("W5", "mybatis", "sqlite", 10)));
        assertThat(results.ormAhead("W3", "postgresql", OPTIONS.contenders())).isTrue();
        assertThat(BenchMain.wantsProfile(results, OPTIONS, Workload.W3, "postgresql"))
                .isTrue();
        assertThat(BenchMain.wantsProfile(results, OPTIONS, Workload.W5, "sqlite"))
                .isTrue();
    }

    @Test
    void withoutTheOrmOrRawJdbcThereIsNothingToProfile() {
        Results results = new Results(List.of(m("W2", "jdbc", "sqlite", 10), m("W2", "jooq", "sqlite", 11)));
        assertThat(results.ormAhead("W2", "sqlite", OPTIONS.contenders())).isNull();
        assertThat(BenchMain.wantsProfile(results, OPTIONS, Workload.W2, "sqlite"))
                .isFalse();
    }
}
