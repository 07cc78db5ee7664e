/** A would-be model whose {@code @Table} is JPA's: the wrong import, and no Alchemy model at all. */
@NullMarked
package dev.alchemy.boot.jpamistake;

import org.jspecify.annotations.NullMarked;
