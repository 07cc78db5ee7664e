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
        if (options.profile()) {
            for (String db : options.databases()) {
                for (Workload w : options.workloads()) {
                    if (wantsProfile(results, options, w, db)) {
                        System.out.println("# profiling " + w + " on the ORM, " + db);
                        profiles.add(
                                Profiler.profile(w, "orm", db, Sizes.named(options.sizes()), Duration.ofSeconds(10)));
                    }
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

    /**
     * Whether the page gets a profile of the ORM on this workload and database: where it misses its target (SQLite's,
     * or PostgreSQL's for W3) or a peer is faster.
     */
    static boolean wantsProfile(Results results, BenchOptions options, Workload w, String db) {
        Double r = results.ratio(w.name(), "orm", db);
        if (r == null) {
            return false;
        }
        Double target = db.equals("sqlite") ? Report.TARGETS.get(w.name()) : Report.POSTGRES_TARGETS.get(w.name());
        Boolean ahead = results.ormAhead(w.name(), db, options.contenders());
        return Boolean.FALSE.equals(ahead) || (target != null && r > target);
    }
}
