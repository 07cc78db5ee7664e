/** The MyBatis contender. */
@NullMarked
package dev.alchemy.bench.mybatis;

import org.jspecify.annotations.NullMarked;
