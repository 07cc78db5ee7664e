/**
 * Benchmarks of Alchemy's ORM and Core against raw JDBC (the limit) and Hibernate (the peer): the workloads
 * ({@link dev.alchemy.bench.Workload}), the databases they run on ({@link dev.alchemy.bench.BenchDatabase}), one
 * {@link dev.alchemy.bench.Contender} per library, JMH wrappers, and {@link dev.alchemy.bench.BenchMain}, which runs
 * everything and writes {@code docs/performance.md}.
 */
@NullMarked
package dev.alchemy.bench;

import org.jspecify.annotations.NullMarked;
