/** Spring Data repositories in an application shaped like Spring PetClinic. */
@NullMarked
package dev.alchemy.boot.autoconfigure.data;

import org.jspecify.annotations.NullMarked;
