package dev.alchemy.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The command line of {@link BenchMain}.
 *
 * @param workloads which workloads
 * @param contenders which contenders
 * @param databases which databases
 * @param sizes {@code full} or {@code tiny}
 * @param forks JMH forks per benchmark in each round
 * @param rounds how many times the whole selection runs in turn, each contender's iterations pooled over the rounds:
 *     a benchmark's forks of one round run one after the other, so a slow spell of the machine falls on one
 *     contender; rounds spread each contender's forks over the whole run
 * @param warmupIterations JMH warm-up iterations
 * @param iterations JMH measured iterations
 * @param iterationMillis length of each iteration
 * @param startupRuns how many times each startup app is launched (0: skip startup)
 * @param alchemyApp the classpath file and main class of the Alchemy startup app, or null
 * @param jpaApp the classpath file and main class of the Spring Data JPA startup app, or null
 * @param profile whether to profile the ORM with JFR for the report
 * @param output the Markdown page to write
 * @param note a sentence about the conditions of the run, for the page
 */
record BenchOptions(
        List<Workload> workloads,
        List<String> contenders,
        List<String> databases,
        String sizes,
        int forks,
        int rounds,
        int warmupIterations,
        int iterations,
        int iterationMillis,
        int startupRuns,
        @Nullable String alchemyApp,
        @Nullable String jpaApp,
        boolean profile,
        Path output,
        String note) {

    static BenchOptions parse(String[] args) {
        List<Workload> workloads = List.of(Workload.values());
        List<String> contenders = Contenders.NAMES;
        List<String> databases = List.of("sqlite", "postgresql");
        String sizes = "full";
        int forks = 1;
        int rounds = 1;
        int warmup = 3;
        int iterations = 5;
        int millis = 1000;
        int startupRuns = 5;
        String alchemyApp = null;
        String jpaApp = null;
        boolean profile = true;
        Path output = Path.of("docs/performance.md");
        String note = "";
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            String v = i + 1 < args.length ? args[i + 1] : "";
            switch (a) {
                case "--workloads" -> {
                    List<Workload> list = new ArrayList<>();
                    for (String w : v.split(",")) {
                        list.add(Workload.valueOf(w.trim()));
                    }
                    workloads = list;
                    i++;
                }
                case "--contenders" -> {
                    contenders = Arrays.asList(v.split(","));
                    i++;
                }
                case "--databases" -> {
                    databases = Arrays.asList(v.split(","));
                    i++;
                }
                case "--sizes" -> {
                    sizes = v;
                    i++;
                }
                case "--forks" -> {
                    forks = Integer.parseInt(v);
                    i++;
                }
                case "--rounds" -> {
                    rounds = Integer.parseInt(v);
                    if (rounds < 1) {
                        throw new IllegalArgumentException("--rounds must be at least 1, was " + rounds);
                    }
                    i++;
                }
                case "--warmup" -> {
                    warmup = Integer.parseInt(v);
                    i++;
                }
                case "--iterations" -> {
                    iterations = Integer.parseInt(v);
                    i++;
                }
                case "--iteration-ms" -> {
                    millis = Integer.parseInt(v);
                    i++;
                }
                case "--startup-runs" -> {
                    startupRuns = Integer.parseInt(v);
                    i++;
                }
                case "--alchemy-app" -> {
                    alchemyApp = v;
                    i++;
                }
                case "--jpa-app" -> {
                    jpaApp = v;
                    i++;
                }
                case "--no-profile" -> profile = false;
                case "--output" -> {
                    output = Path.of(v);
                    i++;
                }
                case "--note" -> {
                    note = v;
                    i++;
                }
                default -> throw new IllegalArgumentException("unknown option " + a);
            }
        }
        return new BenchOptions(
                workloads,
                contenders,
                databases,
                sizes,
                forks,
                rounds,
                warmup,
                iterations,
                millis,
                startupRuns,
                alchemyApp,
                jpaApp,
                profile,
                output,
                note);
    }
}
