package dev.alchemy.bench.jmh;

import dev.alchemy.bench.Sizes;
import dev.alchemy.bench.Workload;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * What every workload benchmark shares: a fresh database per trial (fork), the rows reset before each call and
 * checked after it, outside the measured time. Each call is a whole unit of work of tens to hundreds of milliseconds,
 * so per-invocation setup does not disturb the measurement.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public abstract class WorkloadBenchmark {

    /** Which library. */
    @Param({"jdbc", "core", "orm", "hibernate", "jooq", "mybatis"})
    public String contender = "jdbc";

    /** Which database. */
    @Param({"sqlite", "postgresql"})
    public String database = "sqlite";

    /** {@code full} (the sizes) or {@code tiny}. */
    @Param({"full"})
    public String sizes = "full";

    private Workload.@Nullable Run run;
    private long last;

    abstract Workload workload();

    /** Creates the database, its rows and the contender. */
    @Setup(Level.Trial)
    public void openTrial() {
        run = new Workload.Run(workload(), contender, database, Sizes.named(sizes));
    }

    /** Resets the rows the next call changes. */
    @Setup(Level.Invocation)
    public void beforeCall() {
        run().setUp();
    }

    /** Checks the call's result and the rows. */
    @TearDown(Level.Invocation)
    public void afterCall() {
        run().tearDown(last);
    }

    /** Closes the contender and removes the database. */
    @TearDown(Level.Trial)
    public void closeTrial() {
        if (run != null) {
            run.close();
        }
    }

    long call(Allocation allocation) {
        Workload.Run r = run();
        long before = Allocation.now();
        last = r.execute();
        allocation.count(before);
        return last;
    }

    private Workload.Run run() {
        Workload.Run r = run;
        if (r == null) {
            throw new IllegalStateException("no trial");
        }
        return r;
    }
}
