/** The demo under concurrent HTTP requests: no errors, no lost writes. */
@NullMarked
package dev.alchemy.demo.reliability;

import org.jspecify.annotations.NullMarked;
