package dev.alchemy.demo.users;

import java.util.List;

/**
 * A user as the API answers it, made inside the transaction (where the addresses can still be loaded).
 *
 * @param id the id
 * @param name the name
 * @param email the email address
 * @param addresses the addresses, oldest first
 */
public record UserView(int id, String name, String email, List<AddressView> addresses) {

    static UserView of(User user) {
        return new UserView(
                user.id,
                user.name,
                user.email,
                user.addresses.stream().map(AddressView::of).toList());
    }
}
