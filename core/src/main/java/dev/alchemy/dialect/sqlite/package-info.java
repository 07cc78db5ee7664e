/** The SQLite dialect. */
@NullMarked
package dev.alchemy.dialect.sqlite;

import org.jspecify.annotations.NullMarked;
