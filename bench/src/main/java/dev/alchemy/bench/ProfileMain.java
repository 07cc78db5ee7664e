package dev.alchemy.bench;

import java.time.Duration;
import java.util.Locale;

/**
 * Profiles one workload of one contender with JFR and prints where the time goes:
 * {@code java -cp ... dev.alchemy.bench.ProfileMain W2 orm sqlite [seconds] [full|tiny]}.
 */
public final class ProfileMain {

    private ProfileMain() {}

    /**
     * @param args workload, contender, database, optional seconds and sizes
     */
    public static void main(String[] args) {
        Workload w = Workload.valueOf(args[0]);
        String contender = args[1];
        String database = args[2];
        int seconds = args.length > 3 ? Integer.parseInt(args[3]) : 10;
        Sizes sizes = Sizes.named(args.length > 4 ? args[4] : "full");
        Profiler.Profile p = Profiler.profile(w, contender, database, sizes, Duration.ofSeconds(seconds));
        System.out.println(p.samples() + " samples; per call: " + p.costs());
        System.out.println("-- self");
        for (Profiler.Hot h : p.self()) {
            System.out.printf(Locale.ROOT, "%5.1f%%  %s%n", h.selfShare() * 100, h.method());
        }
        System.out.println("-- total (Alchemy)");
        for (Profiler.Hot h : p.total()) {
            System.out.printf(Locale.ROOT, "%5.1f%%  %s%n", h.totalShare() * 100, h.method());
        }
        System.exit(0);
    }
}
