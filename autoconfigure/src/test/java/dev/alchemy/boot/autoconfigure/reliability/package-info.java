/**
 * Reliability of the Spring integration: a version conflict between two concurrent {@code @Transactional} requests
 * has exactly one winner, and the loser gets Spring's {@code OptimisticLockingFailureException}.
 */
@NullMarked
package dev.alchemy.boot.autoconfigure.reliability;

import org.jspecify.annotations.NullMarked;
