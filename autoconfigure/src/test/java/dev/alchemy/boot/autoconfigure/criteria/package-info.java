/** Loader criteria (soft delete, a tenant per request) in a Spring application. */
@NullMarked
package dev.alchemy.boot.autoconfigure.criteria;

import org.jspecify.annotations.NullMarked;
