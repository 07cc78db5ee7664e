package dev.alchemy.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Keeps the Java in the user guide compiled and run. A page under {@code docs/} (or the README) opts in with a line
 * {@code <!-- snippets: core/src/test/java/.../SomeDocTest.java -->} naming the test classes that hold its snippets
 * between {@code // tag::name[]} and {@code // end::name[]}. Then every {@code ```java} block of the page must be,
 * line for line, one of those regions (without its indentation), and every region must appear on the page.
 */
class DocSnippetsTest {

    private static final Pattern MARKER = Pattern.compile("<!-- snippets: (.+?) -->");
    private static final Pattern BLOCK = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL);
    private static final Pattern REGION =
            Pattern.compile("// tag::([\\w-]+)\\[]\\n(.*?)\\n[ \\t]*// end::\\1\\[]", Pattern.DOTALL);

    /** Pages that must stay tested: their snippets are the contract of issues 4, 5, 12 and 13. */
    private static final List<String> REQUIRED = List.of(
            "engine.md",
            "postgresql.md",
            "orm.md",
            "relationships.md",
            "sql.md",
            "spring-boot.md",
            "getting-started.md");

    @Test
    void everyJavaBlockOfATestedPageIsATestedRegion() throws IOException {
        Path root = repositoryRoot();
        List<String> problems = new ArrayList<>();
        List<Path> pages;
        try (Stream<Path> files = Files.list(root.resolve("docs"))) {
            pages = new ArrayList<>(
                    files.filter(p -> p.toString().endsWith(".md")).sorted().toList());
        }
        pages.add(root.resolve("README.md")); // its Java blocks are held to the same rule

        for (String required : REQUIRED) {
            Path page = root.resolve("docs").resolve(required);
            if (!Files.exists(page) || !MARKER.matcher(Files.readString(page)).find()) {
                problems.add("docs/" + required + " must exist and name its snippet tests in <!-- snippets: ... -->");
            }
        }
        for (Path page : pages) {
            String text = Files.readString(page);
            Matcher marker = MARKER.matcher(text);
            if (!marker.find()) {
                continue;
            }
            Map<String, String> regions = new LinkedHashMap<>();
            for (String source : marker.group(1).split(",")) {
                regions.putAll(regions(Files.readString(root.resolve(source.strip()))));
            }
            List<String> shown = new ArrayList<>();
            Matcher block = BLOCK.matcher(text);
            while (block.find()) {
                String code = stripTrailing(block.group(1));
                String name = regions.entrySet().stream()
                        .filter(e -> e.getValue().equals(code))
                        .map(Map.Entry::getKey)
                        .findFirst()
                        .orElse(null);
                if (name == null) {
                    problems.add(page.getFileName() + ": this block is in no tested region:\n" + code);
                } else {
                    shown.add(name);
                }
            }
            for (String name : regions.keySet()) {
                if (!shown.contains(name)) {
                    problems.add(page.getFileName() + ": tested region '" + name + "' is not on the page:\n"
                            + regions.get(name));
                }
            }
        }
        assertThat(problems).as(String.join("\n\n", problems)).isEmpty();
    }

    /** @return the regions of a source file by name, without their common indentation */
    static Map<String, String> regions(String source) {
        Map<String, String> regions = new LinkedHashMap<>();
        Matcher m = REGION.matcher(source);
        while (m.find()) {
            regions.put(m.group(1), stripTrailing(m.group(2).stripIndent()));
        }
        return regions;
    }

    private static String stripTrailing(String code) {
        return String.join(
                "\n", code.stripTrailing().lines().map(String::stripTrailing).toList());
    }

    private static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("docs"))) {
            dir = dir.getParent();
        }
        assertThat(dir)
                .as("a docs/ folder above " + Path.of("").toAbsolutePath())
                .isNotNull();
        return dir;
    }
}
