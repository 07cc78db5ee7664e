/** Tests of the {@code @AlchemyTest} slice. */
@NullMarked
package dev.alchemy.boot.test.autoconfigure;

import org.jspecify.annotations.NullMarked;
