package dev.alchemy.demo.users;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * The JSON body of {@code POST /users} and {@code PUT /users/{id}}. The messages are the API's own, in English
 * whatever the server's locale.
 *
 * @param name the user's name
 * @param email the user's email address, unique among users
 */
public record UserRequest(
        @NotBlank(message = "is required") @Size(max = 100, message = "is longer than 100 characters") @Nullable
        String name,

        @NotBlank(message = "is required")
        @Email(message = "is not an email address")
        @Size(max = 200, message = "is longer than 200 characters")
        @Nullable
        String email) {}
