package dev.alchemy.bench.jmh;

import dev.alchemy.bench.Workload;
import org.openjdk.jmh.annotations.Benchmark;

/** W7: see {@link Workload#W7}. */
public class W7Delete extends WorkloadBenchmark {

    @Override
    Workload workload() {
        return Workload.W7;
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
