package dev.alchemy.bench.jmh;

import dev.alchemy.bench.Workload;
import org.openjdk.jmh.annotations.Benchmark;

/** W3: see {@link Workload#W3}. */
public class W3Lookups extends WorkloadBenchmark {

    @Override
    Workload workload() {
        return Workload.W3;
    }

    /**
     * @return the contender's figure, checked after the call
     */
    @Benchmark
    public long run() {
        return call();
    }
}
