/**
 * Test support shared by every suite that touches a database: the one embedded PostgreSQL server of a test run
 * ({@link dev.alchemy.testing.PostgresServer}), a fresh database per test class ({@link dev.alchemy.testing.TestDatabase}),
 * and {@link dev.alchemy.testing.OnDatabases}, which runs a test class once on SQLite and once on PostgreSQL.
 * Published in core's test-jar for the Spring modules.
 */
@NullMarked
package dev.alchemy.testing;

import org.jspecify.annotations.NullMarked;
