/** The PostgreSQL dialect. */
@NullMarked
package dev.alchemy.dialect.postgresql;

import org.jspecify.annotations.NullMarked;
