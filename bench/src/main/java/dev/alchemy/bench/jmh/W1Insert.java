package dev.alchemy.bench.jmh;

import dev.alchemy.bench.Workload;
import org.openjdk.jmh.annotations.Benchmark;

/** W1: see {@link Workload#W1}. */
public class W1Insert extends WorkloadBenchmark {

    @Override
    Workload workload() {
        return Workload.W1;
    }

    /**
     * @return the contender's figure, checked after the call
     */
    @Benchmark
    public long run() {
        return call();
    }
}
