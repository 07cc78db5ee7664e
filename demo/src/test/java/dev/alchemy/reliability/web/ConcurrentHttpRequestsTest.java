package dev.alchemy.reliability.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Concurrent HTTP requests on loopback against a Spring Boot web application that uses only the starter (zero
 * configuration but the SQLite file and {@code alchemy.immediate-transactions=true}): 8 clients × 40 requests, each
 * request reading a board, incrementing its counter and inserting a post in one {@code @Transactional} method.
 * Every request answers 201, every post is there once, and each board's counter equals its number of posts (no lost
 * update). Bounded: 320 requests, a 10 s timeout per request, two minutes in all.
 *
 * <p>A small application of its own, beside the demo's users API ({@code ConcurrentUserApiTest}), for the case that
 * API lacks: a read-modify-write of one counter row by many requests, where a lost update would show. Its package is
 * outside {@code dev.alchemy.demo}, so the demo application does not scan it.
 */
@SpringBootTest(
        classes = ConcurrentHttpRequestsTest.BoardApp.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class ConcurrentHttpRequestsTest {

    static final int CLIENTS = 8;
    static final int REQUESTS_PER_CLIENT = 40;
    static final int BOARDS = 3;

    /** The application: auto-configuration, the models of this package found by scanning, the controller. */
    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import(BoardController.class)
    static class BoardApp {}

    @TempDir
    static Path dir;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("alchemy.url", () -> "sqlite:///" + dir.resolve("boards.db"));
        // its own models, not the demo's migrations: createAll makes its tables
        registry.add("spring.flyway.enabled", () -> "false");
        registry.add("alchemy.immediate-transactions", () -> "true");
        registry.add("server.address", () -> "127.0.0.1");
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    private HttpResponse<String> post(HttpClient client, String path, String body) throws Exception {
        return client.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .timeout(Duration.ofSeconds(10))
                        .header("Content-Type", "text/plain")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void concurrentRequestsAllSucceedAndLoseNoWrite() throws Exception {
        HttpClient client =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        for (int b = 1; b <= BOARDS; b++) {
            assertThat(post(client, "/boards/" + b, "").statusCode()).isEqualTo(201);
        }
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        try {
            List<Future<List<String>>> results = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                int clientNumber = c;
                results.add(clients.submit(() -> {
                    List<String> failures = new ArrayList<>();
                    for (int i = 0; i < REQUESTS_PER_CLIENT; i++) {
                        int board = 1 + (clientNumber + i) % BOARDS;
                        HttpResponse<String> response =
                                post(client, "/boards/" + board + "/posts", clientNumber + "-" + i);
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
            assertThat(failures).as("responses other than 201").isEmpty();
        } finally {
            clients.shutdownNow();
        }
        int total = CLIENTS * REQUESTS_PER_CLIENT;
        assertThat(jdbc.queryForObject("SELECT count(*) FROM posts", Integer.class))
                .isEqualTo(total);
        Set<String> texts = new HashSet<>(jdbc.queryForList("SELECT text FROM posts", String.class));
        assertThat(texts).hasSize(total);
        assertThat(jdbc.queryForObject("SELECT sum(posts) FROM boards", Integer.class))
                .isEqualTo(total);
        for (int b = 1; b <= BOARDS; b++) {
            assertThat(jdbc.queryForObject("SELECT posts FROM boards WHERE id = ?", Integer.class, b))
                    .as("board %d's counter", b)
                    .isEqualTo(jdbc.queryForObject("SELECT count(*) FROM posts WHERE board = ?", Integer.class, b));
        }
    }
}
