package dev.alchemy.demo.users;

/**
 * One row of {@code GET /addresses}: an address with the name of its user, read with a join.
 *
 * @param name the user's name
 * @param street the street and number
 * @param city the city
 */
public record AddressRow(String name, String street, String city) {}
