package dev.alchemy.boot.test.autoconfigure;

import org.springframework.boot.test.autoconfigure.TestSliceTestContextBootstrapper;

/** Reads {@link AlchemyTest#properties()} into the test's environment. */
final class AlchemyTestContextBootstrapper extends TestSliceTestContextBootstrapper<AlchemyTest> {}
