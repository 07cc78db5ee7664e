/** Repositories with mistakes, outside the packages the test applications scan. */
@NullMarked
package dev.alchemy.boot.repositorymistakes;

import org.jspecify.annotations.NullMarked;
