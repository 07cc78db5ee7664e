package dev.alchemy.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A fast comparison for development, without JMH: runs one workload on several contenders in turns, so that the
 * machine's load falls on all of them alike, and prints each median and its ratio to the first, in wall-clock time and
 * in the process's CPU time (which a loaded machine disturbs less, and which counts the garbage collector's work):
 * {@code java -cp ... dev.alchemy.bench.QuickCompare W2 sqlite 10 jdbc orm}.
 */
public final class QuickCompare {

    private QuickCompare() {}

    /**
     * @param args workload, database, rounds, contenders...
     */
    public static void main(String[] args) {
        Workload w = Workload.valueOf(args[0]);
        String database = args[1];
        int rounds = Integer.parseInt(args[2]);
        Map<String, Workload.Run> runs = new LinkedHashMap<>();
        Map<String, List<Double>> times = new LinkedHashMap<>();
        Map<String, List<Double>> cpu = new LinkedHashMap<>();
        Map<String, List<Double>> allocated = new LinkedHashMap<>();
        var threads = (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        var os = (com.sun.management.OperatingSystemMXBean)
                java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        for (int i = 3; i < args.length; i++) {
            runs.put(args[i], new Workload.Run(w, args[i], database, Sizes.FULL));
            times.put(args[i], new ArrayList<>());
            cpu.put(args[i], new ArrayList<>());
            allocated.put(args[i], new ArrayList<>());
        }
        for (int round = 0; round < rounds + 3; round++) {
            for (Map.Entry<String, Workload.Run> e : runs.entrySet()) {
                Workload.Run run = e.getValue();
                run.setUp();
                long bytes = threads.getCurrentThreadAllocatedBytes();
                long cpuStart = os.getProcessCpuTime();
                long start = System.nanoTime();
                long result = run.execute();
                double ms = (System.nanoTime() - start) / 1e6;
                double cpuMs = (os.getProcessCpuTime() - cpuStart) / 1e6;
                double mb = (threads.getCurrentThreadAllocatedBytes() - bytes) / 1e6;
                run.tearDown(result);
                if (round >= 3) {
                    times.get(e.getKey()).add(ms);
                    cpu.get(e.getKey()).add(cpuMs);
                    allocated.get(e.getKey()).add(mb);
                }
            }
        }
        double base = Double.NaN;
        double cpuBase = Double.NaN;
        for (Map.Entry<String, List<Double>> e : times.entrySet()) {
            double median = Measurement.median(e.getValue());
            double cpuMedian = Measurement.median(cpu.get(e.getKey()));
            if (Double.isNaN(base)) {
                base = median;
                cpuBase = cpuMedian;
            }
            System.out.printf(
                    Locale.ROOT,
                    "%s %-9s %9.2f ms  %.2fx   process CPU %9.2f ms  %.2fx   allocated %7.1f MB%n",
                    w,
                    e.getKey(),
                    median,
                    median / base,
                    cpuMedian,
                    cpuMedian / cpuBase,
                    Measurement.median(allocated.get(e.getKey())));
        }
        runs.values().forEach(Workload.Run::close);
        System.exit(0);
    }
}
