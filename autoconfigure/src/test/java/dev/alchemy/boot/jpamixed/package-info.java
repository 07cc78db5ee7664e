/** One Alchemy model, and one class whose {@code @Table} is JPA's though its columns are Alchemy's. */
@NullMarked
package dev.alchemy.boot.jpamixed;

import org.jspecify.annotations.NullMarked;
