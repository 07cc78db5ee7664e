/**
 * Spring Data repositories over Alchemy's {@link dev.alchemy.orm.Session}: {@link
 * dev.alchemy.data.repository.AlchemyRepository}, {@link dev.alchemy.data.repository.Query} and {@link
 * dev.alchemy.data.repository.LoadWith}. Derived queries ({@code findByLastNameStartingWith}) become Alchemy SQL
 * expressions with bound parameters.
 */
@NullMarked
package dev.alchemy.data.repository;

import org.jspecify.annotations.NullMarked;
