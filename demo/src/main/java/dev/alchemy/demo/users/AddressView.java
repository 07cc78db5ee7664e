package dev.alchemy.demo.users;

/**
 * An address as the API answers it.
 *
 * @param id the id
 * @param street the street and number
 * @param city the city
 */
public record AddressView(int id, String street, String city) {

    static AddressView of(Address address) {
        return new AddressView(address.id, address.street, address.city);
    }
}
