package dev.alchemy.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs the whole benchmark and writes the report: JMH over the chosen workloads, contenders and databases; the two
 * startup applications; JFR profiles of the ORM where it misses a target or a peer is faster; then docs/performance.md and its chart.
 * Started by bench/run.sh, which builds everything first.
 */
public final class BenchMain {

    private BenchMain() {}

    /**
     * @param args see {@link BenchOptions}
     * @throws Exception when a benchmark fails
     */
    public static void main(String[] args) throws Exception {
        BenchOptions options = BenchOptions.parse(args);
        String loadBefore = Machine.load();
        List<Measurement> measurements = new JmhRunner(options).run();
        Results results = new Results(measurements);

        StartupTimer.Startup alchemy = null;
        StartupTimer.Startup jpa = null;
        if (options.startupRuns() > 0 && options.alchemyApp() != null && options.jpaApp() != null) {
            System.out.println("# startup: Alchemy application");
            alchemy = StartupTimer.time("Alchemy starter", options.alchemyApp(), options.startupRuns());
            System.out.println("# startup: Spring Data JPA application");
            jpa = StartupTimer.time("Spring Data JPA", options.jpaApp(), options.startupRuns());
        }

        List<Profiler.Profile> profiles = new ArrayList<>();
        if (options.profile() && options.databases().contains("sqlite")) {
            for (Workload w : options.workloads()) {
                Double r = results.ratio(w.name(), "orm", "sqlite");
                String peer = results.bestPeer(w.name(), "sqlite", options.contenders());
                Measurement orm = results.get(w.name(), "orm", "sqlite");
                Measurement best = peer == null ? null : results.get(w.name(), peer, "sqlite");
                boolean behind = orm != null && best != null && best.median() <= orm.median();
                if (r != null && (r > Report.TARGETS.get(w.name()) || behind)) {
                    System.out.println("# profiling " + w + " on the ORM");
                    profiles.add(
                            Profiler.profile(w, "orm", "sqlite", Sizes.named(options.sizes()), Duration.ofSeconds(10)));
                }
            }
        }

        Report.Environment env = new Report.Environment(
                Machine.cpu(),
                Machine.cores(),
                Machine.memory(),
                Machine.jdk(),
                Machine.os(),
                Machine.sqlite(),
                options.databases().contains("postgresql") ? Machine.postgres() : null,
                loadBefore,
                Machine.load());
        Path md = options.output();
        Path svg = md.resolveSibling("performance.svg");
        if (md.getParent() != null) {
            Files.createDirectories(md.getParent());
        }
        Files.writeString(svg, Chart.svg(results, options.databases(), options.contenders()));
        Files.writeString(
                md,
                Report.markdown(
                        options,
                        env,
                        results,
                        alchemy,
                        jpa,
                        profiles,
                        svg.getFileName().toString()));
        System.out.println("# wrote " + md + " and " + svg);
        for (Measurement m : measurements) {
            System.out.printf(
                    java.util.Locale.ROOT,
                    "%s %-9s %-10s %10.2f ms  %s%n",
                    m.workload(),
                    m.contender(),
                    m.database(),
                    m.median(),
                    results.ratio(m.workload(), m.contender(), m.database()));
        }
    }
}
