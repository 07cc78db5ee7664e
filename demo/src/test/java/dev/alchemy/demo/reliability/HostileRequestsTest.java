package dev.alchemy.demo.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import dev.alchemy.exc.UnencodableTextError;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.dao.InvalidDataAccessApiUsageException;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Hostile requests to the demo's users API: SQL-injection strings in query parameters and JSON bodies are data (they
 * match nothing, and stored they come back exactly), and refused requests (a taken email, an unknown user, invalid or
 * malformed bodies, text with a lone surrogate) answer 4xx and leave both tables exactly as they were.
 */
@SpringBootTest
@AutoConfigureMockMvc
class HostileRequestsTest {

    static final List<String> INJECTIONS = List.of(
            "'; DROP TABLE users; --",
            "' OR '1'='1",
            "' OR 1=1 --",
            "Robert'); DROP TABLE addresses;--",
            "' UNION SELECT name, email FROM users --",
            "1; DELETE FROM users",
            "%' OR name LIKE '%",
            "?",
            ":name",
            "\\'; UPDATE users SET email = 'x'; --");

    @TempDir
    static Path dir;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("alchemy.url", () -> "sqlite:///" + dir.resolve("hostile.db"));
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    int ann;
    int bob;

    @BeforeEach
    void twoUsers() throws Exception {
        jdbc.update("DELETE FROM addresses");
        jdbc.update("DELETE FROM users");
        ann = create("Ann", "ann@example.com");
        bob = create("Bob", "bob@example.com");
        send(post("/users/" + ann + "/addresses"), "{\"street\":\"1 Main St\",\"city\":\"Springfield\"}");
    }

    private int create(String name, String email) throws Exception {
        String body = send(post("/users"), json(name, email))
                .andReturn()
                .getResponse()
                .getContentAsString();
        return JsonPath.read(body, "$.id");
    }

    private static String json(String name, String email) {
        return "{\"name\":" + quote(name) + ",\"email\":" + quote(email) + "}";
    }

    private static String quote(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private org.springframework.test.web.servlet.ResultActions send(MockHttpServletRequestBuilder request, String body)
            throws Exception {
        return mvc.perform(request.contentType(MediaType.APPLICATION_JSON).content(body));
    }

    /** Both tables, every row, in key order. */
    private List<Map<String, Object>> dump() {
        List<Map<String, Object>> rows =
                new java.util.ArrayList<>(jdbc.queryForList("SELECT * FROM users ORDER BY id"));
        rows.addAll(jdbc.queryForList("SELECT * FROM addresses ORDER BY id"));
        return rows;
    }

    static Stream<String> injections() {
        return INJECTIONS.stream();
    }

    @ParameterizedTest
    @MethodSource("injections")
    void anInjectionStringInAQueryParameterMatchesNothingAndChangesNothing(String payload) throws Exception {
        List<Map<String, Object>> before = dump();
        mvc.perform(get("/users").param("name", payload))
                .andExpect(status().isOk())
                .andExpect(content().json("[]"));
        mvc.perform(get("/users").param("city", payload))
                .andExpect(status().isOk())
                .andExpect(content().json("[]"));
        mvc.perform(get("/addresses").param("city", payload))
                .andExpect(status().isOk())
                .andExpect(content().json("[]"));
        assertThat(dump()).isEqualTo(before);
    }

    @ParameterizedTest
    @MethodSource("injections")
    void anInjectionStringInAJsonBodyIsStoredExactly(String payload) throws Exception {
        List<Map<String, Object>> before = dump();
        int id = create(payload, "x@example.com");
        mvc.perform(get("/users/" + id)).andExpect(jsonPath("$.name").value(payload));
        mvc.perform(get("/users").param("name", payload))
                .andExpect(jsonPath("$[0].id").value(id));
        mvc.perform(delete("/users/" + id)).andExpect(status().isNoContent());
        assertThat(dump()).isEqualTo(before);
    }

    static Stream<Arguments> refused() {
        return Stream.of(
                Arguments.of("a taken email", "POST", "/users", json("Ann 2", "ann@example.com"), 409),
                Arguments.of("another user's email", "PUT", "/users/{bob}", json("Bob", "ann@example.com"), 409),
                Arguments.of("an unknown user", "PUT", "/users/999999", json("X", "x@example.com"), 404),
                Arguments.of(
                        "an address for an unknown user",
                        "POST",
                        "/users/999999/addresses",
                        "{\"street\":\"s\",\"city\":\"c\"}",
                        404),
                Arguments.of("no name", "POST", "/users", "{\"email\":\"x@example.com\"}", 400),
                Arguments.of("a name too long", "POST", "/users", json("x".repeat(101), "x@example.com"), 400),
                Arguments.of("not an email", "POST", "/users", json("X", "'; DROP TABLE users; --"), 400),
                Arguments.of("malformed JSON", "POST", "/users", "{\"name\": \"X\", ", 400),
                Arguments.of(
                        "a list for the name", "POST", "/users", "{\"name\": [1], \"email\":\"x@example.com\"}", 400),
                Arguments.of("an id that is no number", "PUT", "/users/abc", json("X", "x@example.com"), 400),
                Arguments.of("an injection as the id", "PUT", "/users/1 OR 1=1", json("X", "x@example.com"), 400));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refused")
    void aRefusedRequestAnswers4xxAndChangesNothing(
            String what, String method, String path, String body, int statusCode) throws Exception {
        List<Map<String, Object>> before = dump();
        String uri = path.replace("{bob}", String.valueOf(bob));
        send(method.equals("PUT") ? put(uri) : post(uri), body).andExpect(status().is(statusCode));
        assertThat(dump()).isEqualTo(before);
    }

    static Stream<Arguments> loneSurrogates() {
        return Stream.of(
                Arguments.of(
                        "a new user's name", "POST", "/users", "{\"name\":\"a\\ud800b\",\"email\":\"s@example.com\"}"),
                Arguments.of(
                        "a new name for a user",
                        "PUT",
                        "/users/{bob}",
                        "{\"name\":\"Bob\\udc00\",\"email\":\"bob@example.com\"}"),
                Arguments.of(
                        "an address's city",
                        "POST",
                        "/users/{bob}/addresses",
                        "{\"street\":\"s\",\"city\":\"\\ud800\"}"));
    }

    /**
     * JSON can carry a lone surrogate ({@code "\\ud800"}), which no database can store; Alchemy refuses it instead of
     * letting the driver write '?', Spring sees a {@code DataAccessException}, and the demo answers 400 with a problem
     * detail that says what is wrong with the text.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("loneSurrogates")
    void aLoneSurrogateInJsonIsRefusedWith400AndChangesNothing(String what, String method, String path, String body)
            throws Exception {
        List<Map<String, Object>> before = dump();
        String uri = path.replace("{bob}", String.valueOf(bob));
        MvcResult result = send(method.equals("PUT") ? put(uri) : post(uri), body)
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(400))
                .andExpect(jsonPath("$.detail")
                        .value("The request has text with an unpaired UTF-16 surrogate (such as \\ud800 without its"
                                + " pair), which cannot be stored. Send well-formed Unicode text."))
                .andReturn();
        // refused by Alchemy when binding, not by the web layer
        assertThat(result.getResolvedException())
                .isInstanceOf(InvalidDataAccessApiUsageException.class)
                .rootCause()
                .isInstanceOf(UnencodableTextError.class)
                .hasMessageContaining("unpaired UTF-16 surrogate");
        assertThat(dump()).isEqualTo(before);
    }
}
