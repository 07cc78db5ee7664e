package dev.alchemy.bench;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/** Runs the JMH benchmarks of a selection of workloads, contenders and databases in one JMH run. */
final class JmhRunner {

    private final BenchOptions options;

    JmhRunner(BenchOptions options) {
        this.options = options;
    }

    List<Measurement> run() throws RunnerException {
        List<String> readWrite = options.contenders().stream()
                .filter(c -> !c.equals(Contenders.ORM_READ_ONLY))
                .toList();
        List<Measurement> measurements = new ArrayList<>();
        if (!readWrite.isEmpty()) {
            measurements.addAll(run(readWrite, options.workloads()));
        }
        List<Workload> reading =
                options.workloads().stream().filter(Workload::reads).toList();
        if (options.contenders().contains(Contenders.ORM_READ_ONLY) && !reading.isEmpty()) {
            // the read-only sessions in a run of their own: they do not write, so only the reading workloads
            measurements.addAll(run(List.of(Contenders.ORM_READ_ONLY), reading));
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
                .jvmArgsAppend("-Xms1g", "-Xmx2g")
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
            for (BenchmarkResult b : r.getBenchmarkResults()) {
                for (IterationResult i : b.getIterationResults()) {
                    millis.add(i.getPrimaryResult().getScore());
                }
            }
            measurements.add(new Measurement(
                    workload, r.getParams().getParam("contender"), r.getParams().getParam("database"), millis));
        }
        return measurements;
    }
}
