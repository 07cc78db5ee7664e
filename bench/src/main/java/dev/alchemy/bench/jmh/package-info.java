/** The JMH benchmarks: one class per workload, each parameterised by contender and database. */
@NullMarked
package dev.alchemy.bench.jmh;

import org.jspecify.annotations.NullMarked;
