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
     * @param allocation the bytes the calls allocate, counted beside the time
     * @return the contender's figure, checked after the call
     */
    @Benchmark
    public long run(Allocation allocation) {
        return call(allocation);
    }
}
