package dev.alchemy.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged demo ({@code java -jar}, as a user runs it) on a free port, driven over HTTP: the README's story,
 * then a restart on the same database file to show the data survives it.
 */
class DemoJarIT {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);

    @TempDir
    Path dir;

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private Process process;
    private int port;

    @AfterEach
    void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    private void start() throws IOException, InterruptedException {
        start(List.of(), List.of());
    }

    private void start(List<String> jvmArguments, List<String> arguments) throws IOException, InterruptedException {
        Path jar = Path.of(System.getProperty("demo.jar", "target/alchemy-demo-0.1.0-SNAPSHOT.jar"));
        assertThat(jar)
                .as("the packaged demo; run `mvn verify`, which builds it first")
                .exists();
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = new java.util.ArrayList<>(List.of(java.toString()));
        command.addAll(jvmArguments);
        command.addAll(List.of(
                "-jar",
                jar.toAbsolutePath().toString(),
                "--server.port=" + port,
                "--alchemy.url=sqlite:///" + dir.resolve("e2e.db")));
        command.addAll(arguments);
        process = new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("demo.log").toFile())
                .start();
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            assertThat(process.isAlive()).as(log()).isTrue();
            try {
                if (get("/status").statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new AssertionError("the demo did not answer within " + START_TIMEOUT + "\n" + log());
    }

    private void restart() throws IOException, InterruptedException {
        process.destroy();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        start();
    }

    private String log() {
        try {
            return Files.readString(dir.resolve("demo.log"));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    private HttpResponse<String> send(String method, String path, String json)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(30));
        if (json == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(json));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return send("GET", path, null);
    }

    private static int id(String json) {
        Matcher m = Pattern.compile("\"id\":(\\d+)").matcher(json);
        assertThat(m.find()).as(json).isTrue();
        return Integer.parseInt(m.group(1));
    }

    /** The README's curl lines, run against a fresh database: each answers with the status the README describes. */
    @Test
    void theReadmesCurlLinesWorkAsItSays() throws Exception {
        List<String> lines = readmeCurlLines();
        assertThat(lines).hasSize(14);
        start();
        List<Integer> statuses = new java.util.ArrayList<>();
        for (String line : lines) {
            HttpResponse<String> response = curl(line);
            statuses.add(response.statusCode());
            if (line.contains("/users/search")) {
                // the page the README shows: Alice, through the Spring Data repository
                assertThat(response.body()).contains("\"name\":\"Alice\"").contains("\"total\":1");
            }
        }
        assertThat(statuses).containsExactly(200, 201, 201, 200, 200, 200, 200, 200, 200, 200, 400, 409, 404, 204);
    }

    /**
     * The jar holds the classes {@code spring-boot:process-aot} generated at build time: run with them, the
     * application starts from the generated bean definitions, reads its models from the list recorded at build time
     * (no class-path scan), and answers the README's curl lines as the plain run does.
     */
    @Test
    void theAotProcessedApplicationAnswersTheReadmesCurlLines() throws Exception {
        List<String> lines = readmeCurlLines();
        start(
                List.of("-Dspring.aot.enabled=true"),
                List.of("--logging.level.dev.alchemy.boot.autoconfigure.ModelScanner=DEBUG"));
        List<Integer> statuses = new java.util.ArrayList<>();
        for (String line : lines) {
            statuses.add(curl(line).statusCode());
        }
        assertThat(statuses).containsExactly(200, 201, 201, 200, 200, 200, 200, 200, 200, 200, 400, 409, 404, 204);
        assertThat(log())
                .contains("Alchemy read its models from META-INF/alchemy/aot-models.properties")
                .contains("2 models in dev.alchemy.demo (Address, User)");
    }

    private static List<String> readmeCurlLines() throws IOException {
        Path readme = Path.of("..", "README.md");
        String text = Files.readString(readme);
        int start = text.indexOf("```bash\ncurl ");
        assertThat(start).as("a ```bash block of curl lines in README.md").isNotNegative();
        int end = text.indexOf("```", start + 7);
        return text.substring(start + 8, end).lines().filter(l -> !l.isBlank()).toList();
    }

    /** Runs one curl line of the README (its -i, -X, -H and -d options) against the demo on this test's port. */
    private HttpResponse<String> curl(String line) throws IOException, InterruptedException {
        List<String> words = shellWords(line);
        assertThat(words.get(0)).isEqualTo("curl");
        String method = null;
        String body = null;
        String url = null;
        HttpRequest.Builder request = HttpRequest.newBuilder().timeout(Duration.ofSeconds(30));
        for (int i = 1; i < words.size(); i++) {
            switch (words.get(i)) {
                case "-i" -> {}
                case "-X" -> method = words.get(++i);
                case "-H" -> {
                    String[] header = words.get(++i).split(":\\s*", 2);
                    request.header(header[0], header[1]);
                }
                case "-d" -> body = words.get(++i);
                default -> url = words.get(i);
            }
        }
        assertThat(url).as(line).startsWith("localhost:8080/");
        request.uri(URI.create("http://localhost:" + port + url.substring("localhost:8080".length())));
        if (method == null) {
            method = body == null ? "GET" : "POST";
        }
        request.method(
                method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Splits a shell line into words; single quotes group, as in the README. */
    private static List<String> shellWords(String line) {
        List<String> words = new java.util.ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean quoted = false;
        boolean inWord = false;
        for (char c : line.toCharArray()) {
            if (c == '\'') {
                quoted = !quoted;
                inWord = true;
            } else if (Character.isWhitespace(c) && !quoted) {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
            } else {
                word.append(c);
                inWord = true;
            }
        }
        if (inWord) {
            words.add(word.toString());
        }
        return words;
    }

    @Test
    void thePackagedApplicationServesTheApiAndKeepsItsDataAcrossARestart() throws Exception {
        start();
        assertThat(get("/status").body()).isEqualTo("{\"database\":\"sqlite\",\"selectOne\":1}");

        HttpResponse<String> created = send("POST", "/users", "{\"name\":\"Alice\",\"email\":\"alice@example.com\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        int alice = id(created.body());
        assertThat(created.headers().firstValue("Location")).hasValue("/users/" + alice);

        HttpResponse<String> address =
                send("POST", "/users/" + alice + "/addresses", "{\"street\":\"1 Rue de Rivoli\",\"city\":\"Paris\"}");
        assertThat(address.statusCode()).isEqualTo(201);

        assertThat(get("/users?name=Alice").body()).contains("\"city\":\"Paris\"");
        assertThat(get("/addresses?city=Paris").body())
                .isEqualTo("[{\"name\":\"Alice\",\"street\":\"1 Rue de Rivoli\",\"city\":\"Paris\"}]");

        HttpResponse<String> duplicate =
                send("POST", "/users", "{\"name\":\"Alice again\",\"email\":\"alice@example.com\"}");
        assertThat(duplicate.statusCode()).isEqualTo(409);
        assertThat(duplicate.headers().firstValue("Content-Type")).hasValue("application/problem+json");

        HttpResponse<String> invalid = send("POST", "/users", "{\"name\":\"Bob\",\"email\":\"bob\"}");
        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat(invalid.body()).contains("\"email\":\"is not an email address\"");

        HttpResponse<String> updated =
                send("PUT", "/users/" + alice, "{\"name\":\"Alicia\",\"email\":\"alicia@example.com\"}");
        assertThat(updated.statusCode()).isEqualTo(200);

        restart();

        HttpResponse<String> kept = get("/users/" + alice);
        assertThat(kept.statusCode()).isEqualTo(200);
        assertThat(kept.body()).contains("\"name\":\"Alicia\"", "\"street\":\"1 Rue de Rivoli\"");

        assertThat(send("DELETE", "/users/" + alice, null).statusCode()).isEqualTo(204);
        assertThat(get("/users/" + alice).statusCode()).isEqualTo(404);
        assertThat(get("/users").body()).isEqualTo("[]");
        assertThat(List.of(log().split("\n"))).noneMatch(line -> line.contains(" ERROR "));
    }
}
