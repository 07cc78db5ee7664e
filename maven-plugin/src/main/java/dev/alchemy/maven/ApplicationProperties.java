package dev.alchemy.maven;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.jspecify.annotations.Nullable;

/**
 * The settings a Spring Boot application would read at start-up from {@code src/main/resources}: its
 * {@code application.properties}, else {@code application.yml}/{@code .yaml} (maps of scalars, enough for
 * {@code spring.datasource.url} and {@code alchemy.url}; lists and profiles are not read).
 */
final class ApplicationProperties {

    private final Map<String, String> values;
    private final @Nullable Path source;

    private ApplicationProperties(Map<String, String> values, @Nullable Path source) {
        this.values = values;
        this.source = source;
    }

    static ApplicationProperties read(Path resources) throws IOException {
        Path properties = resources.resolve("application.properties");
        if (Files.isRegularFile(properties)) {
            Properties p = new Properties();
            try (Reader in = Files.newBufferedReader(properties, StandardCharsets.UTF_8)) {
                p.load(in);
            }
            Map<String, String> values = new LinkedHashMap<>();
            p.stringPropertyNames().forEach(k -> values.put(k, p.getProperty(k).strip()));
            return new ApplicationProperties(values, properties);
        }
        for (String name : List.of("application.yml", "application.yaml")) {
            Path yaml = resources.resolve(name);
            if (Files.isRegularFile(yaml)) {
                return new ApplicationProperties(yaml(Files.readAllLines(yaml, StandardCharsets.UTF_8)), yaml);
            }
        }
        return new ApplicationProperties(Map.of(), null);
    }

    /** Nested maps flattened to dotted keys, by indentation. */
    static Map<String, String> yaml(List<String> lines) {
        Map<String, String> values = new LinkedHashMap<>();
        List<int[]> indents = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        for (String raw : lines) {
            String line = raw.replaceAll("\\s+#.*$", "");
            if (line.isBlank() || line.strip().startsWith("#") || line.strip().startsWith("-")) {
                continue;
            }
            if (line.strip().equals("---")) {
                break; // a second document: a profile's settings
            }
            int indent = line.length() - line.stripLeading().length();
            int colon = line.indexOf(':');
            if (colon < 0) {
                continue;
            }
            while (!indents.isEmpty() && indents.get(indents.size() - 1)[0] >= indent) {
                indents.remove(indents.size() - 1);
                keys.remove(keys.size() - 1);
            }
            String key = line.substring(0, colon).strip();
            String value = line.substring(colon + 1).strip();
            indents.add(new int[] {indent});
            keys.add(key);
            if (!value.isEmpty()) {
                if (value.length() >= 2
                        && (value.startsWith("\"") && value.endsWith("\"")
                                || value.startsWith("'") && value.endsWith("'"))) {
                    value = value.substring(1, value.length() - 1);
                }
                values.put(String.join(".", keys), value);
            }
        }
        return values;
    }

    @Nullable
    String get(String key) {
        String value = values.get(key);
        return value == null || value.isEmpty() ? null : value;
    }

    /** @return the file read, or null when the project has none */
    @Nullable
    Path source() {
        return source;
    }
}
