package dev.alchemy.docs.orm;

/**
 * An amount in cents, stored through {@link MoneyConverter}.
 *
 * @param cents the amount in cents
 */
// tag::money[]
public record Money(long cents) {}
// end::money[]
