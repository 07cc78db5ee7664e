/** Repositories with mistakes, outside the scanned application packages. */
@NullMarked
package dev.alchemy.boot.autoconfigure.baddata;

import org.jspecify.annotations.NullMarked;
