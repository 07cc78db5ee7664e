/** A joined-table hierarchy in a Spring application. */
@NullMarked
package dev.alchemy.boot.autoconfigure.inheritance.joined;

import org.jspecify.annotations.NullMarked;
