/** {@code createAll} ordered after Liquibase. */
@NullMarked
package dev.alchemy.boot.test.liquibase;

import org.jspecify.annotations.NullMarked;
