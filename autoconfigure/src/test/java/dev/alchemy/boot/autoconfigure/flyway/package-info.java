/** An application whose schema is partly made by Flyway migrations and partly by {@code createAll}. */
@NullMarked
package dev.alchemy.boot.autoconfigure.flyway;

import org.jspecify.annotations.NullMarked;
