package dev.alchemy.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class JmhRunnerPoolTest {

    @Test
    void roundsArePooledPerBenchmark() {
        List<Measurement> first = List.of(
                new Measurement("W2", "jdbc", "sqlite", List.of(10.0, 11.0), 400),
                new Measurement("W2", "orm", "sqlite", List.of(20.0, 30.0), 800));
        List<Measurement> second = List.of(
                new Measurement("W2", "jdbc", "sqlite", List.of(12.0, 13.0), 420),
                new Measurement("W2", "orm", "sqlite", List.of(18.0, 40.0), Double.NaN));

        List<Measurement> pooled = JmhRunner.pool(List.of(first, second));

        assertThat(pooled).hasSize(2);
        Measurement jdbc = pooled.get(0);
        assertThat(jdbc.contender()).isEqualTo("jdbc");
        assertThat(jdbc.millis()).containsExactly(10.0, 11.0, 12.0, 13.0);
        assertThat(jdbc.median()).isEqualTo(11.5);
        assertThat(jdbc.bytesPerCall()).isEqualTo(410.0);
        Measurement orm = pooled.get(1);
        assertThat(orm.millis()).containsExactly(20.0, 30.0, 18.0, 40.0);
        assertThat(orm.median()).isEqualTo(25.0);
        assertThat(orm.bytesPerCall()).isEqualTo(800.0); // a round that counted nothing is left out
    }

    @Test
    void oneRoundIsUnchanged() {
        Measurement m = new Measurement("W3", "orm", "postgresql", List.of(1.0, 2.0, 3.0), 4000);
        assertThat(JmhRunner.pool(List.of(List.of(m)))).containsExactly(m);
    }
}
