package dev.alchemy.bench.jmh;

import java.lang.management.ManagementFactory;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The bytes the workload's calls allocate on the benchmark's thread, counted around each call only: JMH's own GC
 * profiler counts the whole iteration, with the rows each call's setup writes and the checks after it, which would
 * add the same constant to every contender (W7 inserts 5,000 users before each call). JMH reports both counters per
 * iteration as secondary results, {@code allocatedBytes} and {@code calls}; their quotient is the bytes per call.
 */
@State(Scope.Thread)
@AuxCounters(AuxCounters.Type.EVENTS)
public class Allocation {

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    /** Bytes allocated by the calls of this iteration. */
    public long allocatedBytes;

    /** Calls of this iteration. */
    public long calls;

    /** A counter for JMH to create. */
    public Allocation() {}

    /** Starts each iteration's counts from zero (JMH does not reset them). */
    @Setup(Level.Iteration)
    public void reset() {
        allocatedBytes = 0;
        calls = 0;
    }

    /** @return the bytes the current thread allocated so far */
    static long now() {
        return THREADS.getCurrentThreadAllocatedBytes();
    }

    /** Adds one call that began when the thread had allocated {@code before} bytes. */
    void count(long before) {
        allocatedBytes += now() - before;
        calls++;
    }
}
