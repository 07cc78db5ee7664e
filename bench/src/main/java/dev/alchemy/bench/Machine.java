package dev.alchemy.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/** What the figures came from: processor, cores, memory, JDK, operating system, database versions, load. */
final class Machine {

    private Machine() {}

    static String cpu() {
        for (String line : lines("/proc/cpuinfo")) {
            if (line.startsWith("model name")) {
                return line.substring(line.indexOf(':') + 1).trim();
            }
        }
        return System.getProperty("os.arch");
    }

    static int cores() {
        return Runtime.getRuntime().availableProcessors();
    }

    static String memory() {
        for (String line : lines("/proc/meminfo")) {
            if (line.startsWith("MemTotal:")) {
                long kb = Long.parseLong(line.replaceAll("[^0-9]", ""));
                return Math.round(kb / 1024.0 / 1024.0) + " GiB";
            }
        }
        return "?";
    }

    static String jdk() {
        return System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version") + " ("
                + System.getProperty("java.vm.vendor") + ")";
    }

    static String os() {
        String pretty = System.getProperty("os.name");
        for (String line : lines("/etc/os-release")) {
            if (line.startsWith("PRETTY_NAME=")) {
                pretty = line.substring("PRETTY_NAME=".length()).replace("\"", "");
            }
        }
        return pretty + ", kernel " + System.getProperty("os.version") + " " + System.getProperty("os.arch");
    }

    static String load() {
        List<String> l = lines("/proc/loadavg");
        if (l.isEmpty()) {
            return "?";
        }
        String[] parts = l.get(0).split(" ");
        return parts[0] + " / " + parts[1] + " / " + parts[2];
    }

    static String sqlite() {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite::memory:");
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT sqlite_version()")) {
            rs.next();
            return "SQLite " + rs.getString(1) + " (sqlite-jdbc "
                    + c.getMetaData().getDriverVersion() + ")";
        } catch (SQLException e) {
            return "SQLite ?";
        }
    }

    static String postgres() {
        return BenchPostgres.get().describe();
    }

    private static List<String> lines(String file) {
        try {
            return Files.readAllLines(Path.of(file));
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }
}
