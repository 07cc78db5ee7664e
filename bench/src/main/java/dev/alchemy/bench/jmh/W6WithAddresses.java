package dev.alchemy.bench.jmh;

import dev.alchemy.bench.Workload;
import org.openjdk.jmh.annotations.Benchmark;

/** W6: see {@link Workload#W6}. */
public class W6WithAddresses extends WorkloadBenchmark {

    @Override
    Workload workload() {
        return Workload.W6;
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
