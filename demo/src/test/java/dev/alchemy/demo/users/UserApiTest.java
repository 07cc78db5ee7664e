package dev.alchemy.demo.users;

import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** Every endpoint of the users API and every error it answers, on an SQLite file of its own. */
@SpringBootTest
@AutoConfigureMockMvc
class UserApiTest {

    @TempDir
    static Path dir;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("alchemy.url", () -> "sqlite:///" + dir.resolve("api.db"));
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void noUsers() {
        jdbc.update("DELETE FROM addresses");
        jdbc.update("DELETE FROM users");
    }

    private ResultActions send(
            org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request, String json)
            throws Exception {
        return mvc.perform(request.contentType(MediaType.APPLICATION_JSON).content(json));
    }

    private int create(String name, String email) throws Exception {
        String body = send(post("/users"), "{\"name\":\"" + name + "\",\"email\":\"" + email + "\"}")
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return JsonPath.read(body, "$.id");
    }

    private void addAddress(int user, String street, String city) throws Exception {
        send(post("/users/" + user + "/addresses"), "{\"street\":\"" + street + "\",\"city\":\"" + city + "\"}")
                .andExpect(status().isCreated());
    }

    @Test
    void postCreatesAUserAndSaysWhereItIs() throws Exception {
        send(post("/users"), "{\"name\":\"Alice\",\"email\":\"alice@example.com\"}")
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", org.hamcrest.Matchers.matchesPattern("/users/\\d+")))
                .andExpect(jsonPath("$.id").isNumber())
                .andExpect(jsonPath("$.name").value("Alice"))
                .andExpect(jsonPath("$.email").value("alice@example.com"))
                .andExpect(jsonPath("$.addresses", hasSize(0)));
        org.assertj.core.api.Assertions.assertThat(
                        jdbc.queryForObject("SELECT email FROM users WHERE name = 'Alice'", String.class))
                .as("the row the POST stored")
                .isEqualTo("alice@example.com");
    }

    @Test
    void getListsUsersOldestFirstWithTheirAddresses() throws Exception {
        int alice = create("Alice", "alice@example.com");
        create("Bob", "bob@example.com");
        addAddress(alice, "1 Rue de Rivoli", "Paris");
        mvc.perform(get("/users"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].name").value(org.hamcrest.Matchers.contains("Alice", "Bob")))
                .andExpect(jsonPath("$[0].addresses[0].city").value("Paris"))
                .andExpect(jsonPath("$[1].addresses", hasSize(0)));
    }

    @Test
    void getFiltersByNameAndByCity() throws Exception {
        int alice = create("Alice", "alice@example.com");
        int bob = create("Bob", "bob@example.com");
        create("Alice", "alice2@example.com");
        addAddress(alice, "1 Rue de Rivoli", "Paris");
        addAddress(bob, "2 Unter den Linden", "Berlin");
        addAddress(bob, "3 Rue du Bac", "Paris");
        mvc.perform(get("/users").param("name", "Alice"))
                .andExpect(jsonPath("$[*].email")
                        .value(org.hamcrest.Matchers.contains("alice@example.com", "alice2@example.com")));
        mvc.perform(get("/users").param("city", "Paris"))
                .andExpect(jsonPath("$[*].name").value(org.hamcrest.Matchers.contains("Alice", "Bob")))
                .andExpect(jsonPath("$[1].addresses", hasSize(2)));
        mvc.perform(get("/users").param("name", "Nobody")).andExpect(content().json("[]"));
    }

    @Test
    void getOneAnswersTheUserOr404() throws Exception {
        int alice = create("Alice", "alice@example.com");
        mvc.perform(get("/users/" + alice))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.email").value("alice@example.com"));
        mvc.perform(get("/users/999999"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(404))
                .andExpect(jsonPath("$.detail").value("There is no user with id 999999."));
    }

    @Test
    void putChangesTheUser() throws Exception {
        int alice = create("Alice", "alice@example.com");
        send(put("/users/" + alice), "{\"name\":\"Alicia\",\"email\":\"alicia@example.com\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value("Alicia"));
        mvc.perform(get("/users/" + alice)).andExpect(jsonPath("$.email").value("alicia@example.com"));
        send(put("/users/999999"), "{\"name\":\"X\",\"email\":\"x@example.com\"}")
                .andExpect(status().isNotFound());
    }

    @Test
    void deleteRemovesTheUserAndItsAddresses() throws Exception {
        int alice = create("Alice", "alice@example.com");
        addAddress(alice, "1 Rue de Rivoli", "Paris");
        mvc.perform(delete("/users/" + alice)).andExpect(status().isNoContent());
        mvc.perform(get("/users/" + alice)).andExpect(status().isNotFound());
        assertCount("addresses", 0);
        mvc.perform(delete("/users/" + alice)).andExpect(status().isNotFound());
    }

    @Test
    void postAddressAddsItToTheUser() throws Exception {
        int alice = create("Alice", "alice@example.com");
        send(post("/users/" + alice + "/addresses"), "{\"street\":\"1 Rue de Rivoli\",\"city\":\"Paris\"}")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.id").isNumber())
                .andExpect(jsonPath("$.city").value("Paris"));
        mvc.perform(get("/users/" + alice))
                .andExpect(jsonPath("$.addresses[0].street").value("1 Rue de Rivoli"));
        send(post("/users/999999/addresses"), "{\"street\":\"x\",\"city\":\"y\"}")
                .andExpect(status().isNotFound());
    }

    @Test
    void addressesAreListedWithTheirUsersByAJoin() throws Exception {
        int bob = create("Bob", "bob@example.com");
        int alice = create("Alice", "alice@example.com");
        addAddress(bob, "2 Unter den Linden", "Berlin");
        addAddress(alice, "1 Rue de Rivoli", "Paris");
        mvc.perform(get("/addresses")).andExpect(content().json("""
                        [{"name":"Alice","street":"1 Rue de Rivoli","city":"Paris"},
                         {"name":"Bob","street":"2 Unter den Linden","city":"Berlin"}]""", true));
        mvc.perform(get("/addresses").param("city", "Berlin"))
                .andExpect(jsonPath("$[*].name").value(org.hamcrest.Matchers.contains("Bob")));
    }

    @Test
    void invalidInputIs400NamingTheFields() throws Exception {
        send(post("/users"), "{\"name\":\"\",\"email\":\"not an email\"}")
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors.name").value("is required"))
                .andExpect(jsonPath("$.errors.email").value("is not an email address"));
        int alice = create("Alice", "alice@example.com");
        send(put("/users/" + alice), "{\"name\":\"Alice\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.email").value("is required"))
                .andExpect(jsonPath("$.detail").value("Invalid email."));
        send(post("/users/" + alice + "/addresses"), "{\"street\":\"1 Rue de Rivoli\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.city").value("is required"));
        send(post("/users"), "{not json").andExpect(status().isBadRequest());
        mvc.perform(get("/users/abc")).andExpect(status().isBadRequest());
        assertCount("users", 1);
    }

    @Test
    void aDuplicateEmailIs409WhenCreatingAndWhenUpdating() throws Exception {
        create("Alice", "alice@example.com");
        int bob = create("Bob", "bob@example.com");
        // found by the service's flush
        send(post("/users"), "{\"name\":\"Alice 2\",\"email\":\"alice@example.com\"}")
                .andExpect(status().isConflict())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value("Another user has this email address."))
                .andExpect(jsonPath("$.errors.email").value("is taken"));
        // found by the flush at commit
        send(put("/users/" + bob), "{\"name\":\"Bob\",\"email\":\"alice@example.com\"}")
                .andExpect(status().isConflict());
        mvc.perform(get("/users/" + bob)).andExpect(jsonPath("$.email").value("bob@example.com"));
        assertCount("users", 2);
    }

    @Test
    void searchAnswersAPageByNameThroughTheRepository() throws Exception {
        int alice = create("Alice", "alice@example.com");
        create("Alfred", "alfred@example.com");
        create("Alma", "alma@example.com");
        create("Bob", "bob@example.com");
        addAddress(alice, "1 Main St", "Madison");
        mvc.perform(get("/users/search").param("prefix", "Al").param("size", "2"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.users[*].name").value(org.hamcrest.Matchers.contains("Alfred", "Alice")))
                .andExpect(jsonPath("$.users[1].addresses[0].city").value("Madison"))
                .andExpect(jsonPath("$.total").value(3))
                .andExpect(jsonPath("$.pages").value(2));
        mvc.perform(get("/users/search")
                        .param("prefix", "Al")
                        .param("size", "2")
                        .param("page", "1"))
                .andExpect(jsonPath("$.users[*].name").value(org.hamcrest.Matchers.contains("Alma")))
                .andExpect(jsonPath("$.page").value(1));
        mvc.perform(get("/users/search").param("prefix", "Al%"))
                .andExpect(jsonPath("$.total").value(0));
        mvc.perform(get("/users/search").param("prefix", "Al").param("size", "0"))
                .andExpect(status().isBadRequest());
    }

    private void assertCount(String table, int expected) {
        Integer count = jdbc.queryForObject("SELECT count(*) FROM " + table, Integer.class);
        org.assertj.core.api.Assertions.assertThat(count).isEqualTo(expected);
    }
}
