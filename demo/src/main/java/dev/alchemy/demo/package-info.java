/** The Alchemy demo application. */
@NullMarked
package dev.alchemy.demo;

import org.jspecify.annotations.NullMarked;
