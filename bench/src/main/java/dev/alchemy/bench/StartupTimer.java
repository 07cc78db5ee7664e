package dev.alchemy.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Times a Spring Boot application as a whole process: from launching {@code java} to the line Spring Boot logs
 * when the application has started ({@code Started ... in ... seconds}), in a fresh working folder each time, so
 * that its SQLite database is new.
 */
final class StartupTimer {

    /** One application's launches. */
    record Startup(String name, List<Double> millis, String bootReported) {
        double median() {
            return Measurement.median(millis);
        }
    }

    private StartupTimer() {}

    /**
     * @param name how the report names the application
     * @param spec {@code <file holding the classpath>@<main class>}
     * @param runs how many launches
     * @return the launch-to-started times
     */
    static Startup time(String name, String spec, int runs) {
        int at = spec.lastIndexOf('@');
        String classpath;
        try {
            classpath = Files.readString(Path.of(spec.substring(0, at))).trim();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String main = spec.substring(at + 1);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<Double> millis = new ArrayList<>();
        String reported = "";
        for (int i = 0; i < runs + 1; i++) {
            Path dir;
            try {
                dir = Files.createTempDirectory("alchemy-startup");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            ProcessBuilder pb = new ProcessBuilder(java, "-Xshare:auto", "-cp", classpath, main)
                    .directory(dir.toFile())
                    .redirectErrorStream(true);
            long start = System.nanoTime();
            Process p;
            try {
                p = pb.start();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            String startedLine = null;
            List<String> output = new ArrayList<>();
            try (BufferedReader out =
                    new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = out.readLine()) != null) {
                    output.add(line);
                    if (line.contains("Started ") && line.contains(" seconds")) {
                        startedLine = line;
                        break;
                    }
                }
                long elapsed = System.nanoTime() - start;
                if (startedLine == null) {
                    throw new IllegalStateException(name + " did not start:\n" + String.join("\n", output));
                }
                if (i > 0) { // the first launch warms the file-system cache and is not counted
                    millis.add(elapsed / 1e6);
                    reported = startedLine.substring(startedLine.indexOf("Started "));
                }
                p.destroy();
                p.waitFor(30, TimeUnit.SECONDS);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            } finally {
                p.destroyForcibly();
                deleteTree(dir);
            }
        }
        return new Startup(name, millis, reported);
    }

    private static void deleteTree(Path dir) {
        try (var files = Files.walk(dir)) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // a temporary folder left behind is harmless
        }
    }
}
