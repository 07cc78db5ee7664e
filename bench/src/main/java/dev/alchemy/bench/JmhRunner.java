package dev.alchemy.bench;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/** Runs the JMH benchmarks of a selection of workloads, contenders and databases in one JMH run. */
final class JmhRunner {

    /**
     * Each fork's heap, the same for every contender. The young generation is fixed (as in the alternated
     * comparisons the performance page quotes), so that its size does not depend on each fork's first collections.
     * The heap is touched before the benchmark starts ({@code -XX:+AlwaysPreTouch}): on the 2-core virtual machine the
     * page is written on, the first write to each 4 KB page of the heap costs about 11 µs (2.8 ns per byte allocated),
     * which a fork pays until its young generation has been filled once. A workload of a few long calls (W3 on
     * PostgreSQL: about ten calls of a second per fork, 15–45 MB allocated per call) never got past it, so each
     * contender was charged for its allocation at that rate in every measured call; a server that has run for a minute
     * does not pay it. What each contender allocates is still on the page, in bytes.
     */
    static final List<String> HEAP = List.of("-Xms1g", "-Xmx2g", "-Xmn600m", "-XX:+AlwaysPreTouch");

    private final BenchOptions options;

    JmhRunner(BenchOptions options) {
        this.options = options;
    }

    /**
     * Runs the selection {@code rounds} times and pools each benchmark's measured iterations over the rounds (the
     * bytes per call are the mean of the rounds').
     */
    List<Measurement> run() throws RunnerException {
        List<List<Measurement>> rounds = new ArrayList<>();
        for (int round = 0; round < options.rounds(); round++) {
            rounds.add(runOnce());
        }
        return pool(rounds);
    }

    /**
     * @param rounds the measurements of each round, each with one measurement per benchmark
     * @return one measurement per benchmark: the iterations of every round, the mean of the rounds' bytes per call
     */
    static List<Measurement> pool(List<List<Measurement>> rounds) {
        Map<List<String>, List<Measurement>> byBenchmark = new LinkedHashMap<>();
        for (List<Measurement> round : rounds) {
            for (Measurement m : round) {
                byBenchmark
                        .computeIfAbsent(List.of(m.workload(), m.contender(), m.database()), k -> new ArrayList<>())
                        .add(m);
            }
        }
        List<Measurement> pooled = new ArrayList<>();
        for (List<Measurement> same : byBenchmark.values()) {
            List<Double> millis = new ArrayList<>();
            double bytes = 0;
            int counted = 0;
            for (Measurement m : same) {
                millis.addAll(m.millis());
                if (!Double.isNaN(m.bytesPerCall())) {
                    bytes += m.bytesPerCall();
                    counted++;
                }
            }
            Measurement first = same.get(0);
            pooled.add(new Measurement(
                    first.workload(),
                    first.contender(),
                    first.database(),
                    millis,
                    counted > 0 ? bytes / counted : Double.NaN));
        }
        return pooled;
    }

    private List<Measurement> runOnce() throws RunnerException {
        List<String> everywhere = options.contenders().stream()
                .filter(c -> !Contenders.partial(c))
                .toList();
        List<Measurement> measurements = new ArrayList<>();
        if (!everywhere.isEmpty()) {
            measurements.addAll(run(everywhere, options.workloads()));
        }
        for (String partial : options.contenders()) {
            if (!Contenders.partial(partial)) {
                continue;
            }
            // a contender that runs only some workloads (read-only sessions do not write; the joined load is W6's)
            // in a run of its own
            List<Workload> its = options.workloads().stream()
                    .filter(w -> Contenders.runs(w, partial))
                    .toList();
            if (!its.isEmpty()) {
                measurements.addAll(run(List.of(partial), its));
            }
        }
        return measurements;
    }

    private List<Measurement> run(List<String> contenders, List<Workload> workloads) throws RunnerException {
        ChainedOptionsBuilder builder = new OptionsBuilder()
                .param("contender", contenders.toArray(String[]::new))
                .param("database", options.databases().toArray(String[]::new))
                .param("sizes", options.sizes())
                .forks(options.forks())
                .warmupIterations(options.warmupIterations())
                .warmupTime(TimeValue.milliseconds(options.iterationMillis()))
                .measurementIterations(options.iterations())
                .measurementTime(TimeValue.milliseconds(options.iterationMillis()))
                .jvmArgsAppend(HEAP.toArray(String[]::new))
                .shouldFailOnError(true);
        for (Workload w : workloads) {
            builder.include("dev\\.alchemy\\.bench\\.jmh\\." + w.name() + "[A-Za-z]+\\.run$");
        }
        Collection<RunResult> results = new Runner(builder.build()).run();
        List<Measurement> measurements = new ArrayList<>();
        for (RunResult r : results) {
            String benchmark = r.getParams().getBenchmark();
            String simple = benchmark.substring("dev.alchemy.bench.jmh.".length());
            String workload = simple.substring(0, 2).toUpperCase(Locale.ROOT);
            List<Double> millis = new ArrayList<>();
            double bytes = 0;
            double calls = 0;
            for (BenchmarkResult b : r.getBenchmarkResults()) {
                for (IterationResult i : b.getIterationResults()) {
                    millis.add(i.getPrimaryResult().getScore());
                    Result<?> allocated = i.getSecondaryResults().get("allocatedBytes");
                    Result<?> counted = i.getSecondaryResults().get("calls");
                    if (allocated != null && counted != null) {
                        bytes += allocated.getScore();
                        calls += counted.getScore();
                    }
                }
            }
            measurements.add(new Measurement(
                    workload,
                    r.getParams().getParam("contender"),
                    r.getParams().getParam("database"),
                    millis,
                    calls > 0 ? bytes / calls : Double.NaN));
        }
        return measurements;
    }
}
