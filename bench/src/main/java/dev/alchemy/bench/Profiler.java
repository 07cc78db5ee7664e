package dev.alchemy.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * Samples one workload of one contender with Java Flight Recorder (the JDK's own profiler, no agent) and sums the
 * samples per method: self time (the top frame) and total time (anywhere on the stack), as shares of all samples
 * taken in the measured calls' thread during the measured calls (setup and checks are left out).
 */
final class Profiler {

    /** One method's share of the samples. */
    record Hot(String method, double selfShare, double totalShare) {}

    /** What a profile found. */
    record Profile(
            Workload workload,
            String contender,
            String database,
            int samples,
            List<Hot> self,
            List<Hot> total,
            Costs costs) {}

    /**
     * Where the time of the measured calls went, per call.
     *
     * @param calls how many calls were measured
     * @param wallMillis wall-clock time
     * @param threadCpuMillis CPU time of the thread running the workload
     * @param processCpuMillis CPU time of the whole process (the garbage collector's and JIT compiler's threads too)
     * @param gcPauseMillis time the application was paused for garbage collection
     */
    record Costs(int calls, double wallMillis, double threadCpuMillis, double processCpuMillis, double gcPauseMillis) {}

    private static long gcMillis() {
        long total = 0;
        for (var gc : java.lang.management.ManagementFactory.getGarbageCollectorMXBeans()) {
            total += Math.max(0, gc.getCollectionTime());
        }
        return total;
    }

    private Profiler() {}

    static Profile profile(Workload workload, String contender, String database, Sizes sizes, Duration length) {
        try (Workload.Run run = new Workload.Run(workload, contender, database, sizes)) {
            for (int i = 0; i < 3; i++) {
                run.once(); // warm up
            }
            Path file = Files.createTempFile("alchemy-bench", ".jfr");
            long thread = Thread.currentThread().getId();
            List<java.time.Instant[]> windows = new ArrayList<>();
            Costs costs;
            try (Recording recording = new Recording()) {
                recording.enable("jdk.ExecutionSample").withPeriod(Duration.ofMillis(2));
                recording.enable("jdk.NativeMethodSample").withPeriod(Duration.ofMillis(2));
                recording.start();
                long end = System.nanoTime() + length.toNanos();
                var os = (com.sun.management.OperatingSystemMXBean)
                        java.lang.management.ManagementFactory.getOperatingSystemMXBean();
                var threads = java.lang.management.ManagementFactory.getThreadMXBean();
                long wall = 0;
                long threadCpu = 0;
                long processCpu = 0;
                long gc = 0;
                int calls = 0;
                do {
                    run.setUp();
                    long gc0 = gcMillis();
                    long process0 = os.getProcessCpuTime();
                    long thread0 = threads.getCurrentThreadCpuTime();
                    long wall0 = System.nanoTime();
                    java.time.Instant from = java.time.Instant.now();
                    long result = run.execute();
                    windows.add(new java.time.Instant[] {from, java.time.Instant.now()});
                    wall += System.nanoTime() - wall0;
                    threadCpu += threads.getCurrentThreadCpuTime() - thread0;
                    processCpu += os.getProcessCpuTime() - process0;
                    gc += gcMillis() - gc0;
                    calls++;
                    run.tearDown(result);
                } while (System.nanoTime() < end);
                costs = new Costs(
                        calls,
                        wall / 1e6 / calls,
                        threadCpu / 1e6 / calls,
                        processCpu / 1e6 / calls,
                        gc / (double) calls);
                recording.stop();
                recording.dump(file);
            }
            return summarise(workload, contender, database, file, thread, windows, costs);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Profile summarise(
            Workload w,
            String contender,
            String database,
            Path file,
            long thread,
            List<java.time.Instant[]> windows,
            Costs costs)
            throws IOException {
        Map<String, Integer> self = new HashMap<>();
        Map<String, Integer> total = new HashMap<>();
        int samples = 0;
        for (RecordedEvent e : RecordingFile.readAllEvents(file)) {
            String type = e.getEventType().getName();
            if (!type.equals("jdk.ExecutionSample") && !type.equals("jdk.NativeMethodSample")) {
                continue;
            }
            var sampled = e.getThread("sampledThread");
            if (sampled == null || sampled.getJavaThreadId() != thread) {
                continue;
            }
            java.time.Instant at = e.getStartTime();
            boolean measured = false;
            for (java.time.Instant[] window : windows) {
                if (!at.isBefore(window[0]) && !at.isAfter(window[1])) {
                    measured = true;
                    break;
                }
            }
            if (!measured) {
                continue;
            }
            RecordedStackTrace stack = e.getStackTrace();
            if (stack == null || stack.getFrames().isEmpty()) {
                continue;
            }
            samples++;
            List<RecordedFrame> frames = stack.getFrames();
            self.merge(name(frames.get(0)), 1, Integer::sum);
            Set<String> seen = new HashSet<>();
            for (RecordedFrame f : frames) {
                String n = name(f);
                if (seen.add(n)) {
                    total.merge(n, 1, Integer::sum);
                }
            }
        }
        Files.deleteIfExists(file);
        return new Profile(
                w,
                contender,
                database,
                samples,
                top(self, samples, 12, null),
                top(total, samples, 25, "dev.alchemy."),
                costs);
    }

    private static String name(RecordedFrame f) {
        String type = f.getMethod().getType().getName();
        return type + "." + f.getMethod().getName();
    }

    private static List<Hot> top(Map<String, Integer> counts, int samples, int n, String prefix) {
        List<Map.Entry<String, Integer>> entries = new ArrayList<>(counts.entrySet());
        entries.removeIf(e ->
                prefix != null && (!e.getKey().startsWith(prefix) || e.getKey().startsWith("dev.alchemy.bench.")));
        entries.sort(Map.Entry.<String, Integer>comparingByValue().reversed());
        List<Hot> hot = new ArrayList<>();
        for (Map.Entry<String, Integer> e : entries.subList(0, Math.min(n, entries.size()))) {
            double share = samples == 0 ? 0 : e.getValue() / (double) samples;
            hot.add(new Hot(e.getKey(), share, share));
        }
        return hot;
    }
}
