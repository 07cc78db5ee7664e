package dev.alchemy.bench.jmh;

import dev.alchemy.bench.Workload;
import org.openjdk.jmh.annotations.Benchmark;

/** W5: see {@link Workload#W5}. */
public class W5QueryByName extends WorkloadBenchmark {

    @Override
    Workload workload() {
        return Workload.W5;
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
