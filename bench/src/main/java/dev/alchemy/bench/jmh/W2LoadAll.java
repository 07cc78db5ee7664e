package dev.alchemy.bench.jmh;

import dev.alchemy.bench.Workload;
import org.openjdk.jmh.annotations.Benchmark;

/** W2: see {@link Workload#W2}. */
public class W2LoadAll extends WorkloadBenchmark {

    @Override
    Workload workload() {
        return Workload.W2;
    }

    /**
     * @return the contender's figure, checked after the call
     */
    @Benchmark
    public long run() {
        return call();
    }
}
