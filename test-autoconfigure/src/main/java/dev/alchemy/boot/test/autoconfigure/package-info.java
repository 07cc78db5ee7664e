/**
 * {@link dev.alchemy.boot.test.autoconfigure.AlchemyTest @AlchemyTest}, a Spring Boot test slice for the data-access
 * part of an application that uses Alchemy: the {@code DataSource} (a private in-memory SQLite database unless
 * {@code @AutoConfigureTestDatabase} says otherwise), the {@code Engine}, the models and their tables, the
 * {@code SessionFactory} and shared {@code Session}, transactions and {@code JdbcTemplate}.
 */
@NullMarked
package dev.alchemy.boot.test.autoconfigure;

import org.jspecify.annotations.NullMarked;
