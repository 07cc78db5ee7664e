/** The starter with a read replica: a real PostgreSQL primary and streaming standby started by the tests. */
@NullMarked
package dev.alchemy.boot.autoconfigure.replica;

import org.jspecify.annotations.NullMarked;
