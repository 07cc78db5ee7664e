package dev.alchemy.demo.users;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * The JSON body of {@code POST /users/{id}/addresses}.
 *
 * @param street the street and number
 * @param city the city
 */
public record AddressRequest(
        @NotBlank(message = "is required") @Size(max = 200, message = "is longer than 200 characters") @Nullable
        String street,

        @NotBlank(message = "is required") @Size(max = 100, message = "is longer than 100 characters") @Nullable
        String city) {}
