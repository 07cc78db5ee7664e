/** An application whose schema Liquibase creates in part, and Alchemy's createAll completes after it. */
@NullMarked
package dev.alchemy.boot.autoconfigure.liquibase;

import org.jspecify.annotations.NullMarked;
