/**
 * Test support shared by every suite that touches a database: the embedded PostgreSQL and MariaDB servers of a test run
 * ({@link dev.alchemy.testing.PostgresServer}, {@link dev.alchemy.testing.MariadbServer}), a fresh database per test class ({@link dev.alchemy.testing.TestDatabase}),
 * and {@link dev.alchemy.testing.OnDatabases}, which runs a test class once on SQLite, once on PostgreSQL and once on MariaDB.
 * Published in core's test-jar for the Spring modules.
 */
@NullMarked
package dev.alchemy.testing;

import org.jspecify.annotations.NullMarked;
