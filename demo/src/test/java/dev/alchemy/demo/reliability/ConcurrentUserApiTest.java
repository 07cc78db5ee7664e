package dev.alchemy.demo.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The demo's users API under concurrent HTTP requests on loopback: 8 clients create 15 users each, then add 15
 * addresses each to users chosen round-robin ({@code POST /users/{id}/addresses} loads the user, then inserts: a read,
 * then a write), all at once. Every response is 201, every user and every address is there once and belongs to the
 * user it was posted to. The demo's application.properties sets {@code alchemy.immediate-transactions=true}; without it
 * the address requests fail with HTTP 500 ("database is locked"). Bounded: 240 requests, 10 s each, two minutes in all.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class ConcurrentUserApiTest {

    static final int CLIENTS = 8;
    static final int PER_CLIENT = 15;
    static final Pattern ID = Pattern.compile("\"id\":(\\d+)");

    @TempDir
    static Path dir;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("alchemy.url", () -> "sqlite:///" + dir.resolve("demo.db"));
        registry.add("server.address", () -> "127.0.0.1");
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    final HttpClient client =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private HttpResponse<String> post(String path, String json) throws Exception {
        return client.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .timeout(Duration.ofSeconds(10))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Runs one task per client at once and returns every failed response. */
    private List<String> concurrently(ClientWork work) throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        try {
            List<Future<List<String>>> results = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                int client = c;
                results.add(clients.submit(() -> {
                    List<String> failures = new ArrayList<>();
                    for (int i = 0; i < PER_CLIENT; i++) {
                        HttpResponse<String> response = work.request(client, i);
                        if (response.statusCode() != 201) {
                            failures.add(response.statusCode() + " " + response.body());
                        }
                    }
                    return failures;
                }));
            }
            List<String> failures = new ArrayList<>();
            for (Future<List<String>> result : results) {
                failures.addAll(result.get(110, TimeUnit.SECONDS));
            }
            return failures;
        } finally {
            clients.shutdownNow();
        }
    }

    interface ClientWork {
        HttpResponse<String> request(int client, int i) throws Exception;
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void concurrentCreatesAndAddressAdditionsAllSucceedAndLoseNothing() throws Exception {
        Map<String, Integer> idByEmail = new ConcurrentHashMap<>();
        List<String> failures = concurrently((client, i) -> {
            String email = "u" + client + "-" + i + "@example.com";
            HttpResponse<String> response =
                    post("/users", "{\"name\":\"User " + client + "-" + i + "\",\"email\":\"" + email + "\"}");
            Matcher id = ID.matcher(response.body());
            if (response.statusCode() == 201 && id.find()) {
                idByEmail.put(email, Integer.parseInt(id.group(1)));
            }
            return response;
        });
        assertThat(failures).as("responses to POST /users other than 201").isEmpty();
        List<Integer> ids = idByEmail.values().stream().sorted().toList();
        assertThat(ids).hasSize(CLIENTS * PER_CLIENT).doesNotHaveDuplicates();

        failures = concurrently((client, i) -> {
            int user = ids.get((client * PER_CLIENT + i * 7) % ids.size());
            return post(
                    "/users/" + user + "/addresses",
                    "{\"street\":\"" + user + " Street " + client + "-" + i + "\",\"city\":\"City " + client + "\"}");
        });
        assertThat(failures)
                .as("responses to POST /users/{id}/addresses other than 201")
                .isEmpty();

        assertThat(jdbc.queryForObject("SELECT count(*) FROM users", Integer.class))
                .isEqualTo(CLIENTS * PER_CLIENT);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM addresses", Integer.class))
                .isEqualTo(CLIENTS * PER_CLIENT);
        assertThat(jdbc.queryForObject("SELECT count(DISTINCT street) FROM addresses", Integer.class))
                .isEqualTo(CLIENTS * PER_CLIENT);
        // read back through the API: each address belongs to the user whose id its street begins with
        HttpResponse<String> all = client.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/users"))
                        .timeout(Duration.ofSeconds(10))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(all.statusCode()).isEqualTo(200);
        List<Map<String, Object>> users = JsonPath.read(all.body(), "$[*]");
        assertThat(users).hasSize(CLIENTS * PER_CLIENT);
        int addresses = 0;
        for (Map<String, Object> user : users) {
            List<String> streets = JsonPath.read(user, "$.addresses[*].street");
            for (String street : streets) {
                assertThat(street).startsWith(user.get("id") + " Street ");
                addresses++;
            }
        }
        assertThat(addresses).isEqualTo(CLIENTS * PER_CLIENT);
    }
}
