/**
 * Reliability of the Spring integration, on SQLite and (the {@code Postgresql...} subclasses) on PostgreSQL: a
 * version conflict between two concurrent {@code @Transactional} requests has exactly one winner, and the loser gets
 * Spring's {@code OptimisticLockingFailureException}; concurrent requests that read and then write all succeed, and
 * on PostgreSQL a read-modify-write loses no update when it locks the row it read or the row has a version.
 */
@NullMarked
package dev.alchemy.boot.autoconfigure.reliability;

import org.jspecify.annotations.NullMarked;
