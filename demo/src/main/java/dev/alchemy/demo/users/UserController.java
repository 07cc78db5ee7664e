package dev.alchemy.demo.users;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.URI;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The JSON API of users and their addresses. Errors are answered by {@link ApiErrors}. */
@RestController
class UserController {

    private final UserService users;
    private final UserRepository repository;

    UserController(UserService users, UserRepository repository) {
        this.users = users;
        this.repository = repository;
    }

    /**
     * Users whose name starts with a prefix, a page at a time and by name, through the Spring Data repository.
     *
     * @param prefix the start of the name
     * @param page the page number, from 0
     * @param size the page's size, 1 to 100
     * @return the page, with the total
     */
    @GetMapping("/users/search")
    UserPage search(
            @RequestParam String prefix,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        Page<User> found = repository.findByNameStartingWith(prefix, PageRequest.of(page, size, Sort.by("name", "id")));
        return new UserPage(
                found.getContent().stream().map(UserView::of).toList(),
                found.getNumber(),
                found.getSize(),
                found.getTotalElements(),
                found.getTotalPages());
    }

    @GetMapping("/users")
    List<UserView> list(
            @RequestParam(required = false) @Nullable String name,
            @RequestParam(required = false) @Nullable String city) {
        return users.list(name, city);
    }

    @PostMapping("/users")
    ResponseEntity<UserView> create(@Valid @RequestBody UserRequest request) {
        UserView user = users.create(request);
        return ResponseEntity.created(URI.create("/users/" + user.id())).body(user);
    }

    @GetMapping("/users/{id}")
    UserView get(@PathVariable int id) {
        return users.get(id);
    }

    @PutMapping("/users/{id}")
    UserView update(@PathVariable int id, @Valid @RequestBody UserRequest request) {
        return users.update(id, request);
    }

    @DeleteMapping("/users/{id}")
    ResponseEntity<Void> delete(@PathVariable int id) {
        users.delete(id);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/users/{id}/addresses")
    ResponseEntity<AddressView> addAddress(@PathVariable int id, @Valid @RequestBody AddressRequest request) {
        AddressView address = users.addAddress(id, request);
        return ResponseEntity.created(URI.create("/users/" + id)).body(address);
    }

    @GetMapping("/addresses")
    List<AddressRow> addresses(@RequestParam(required = false) @Nullable String city) {
        return users.addresses(city);
    }
}
