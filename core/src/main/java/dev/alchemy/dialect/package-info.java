/** The dialect SPI: what differs between databases. */
@NullMarked
package dev.alchemy.dialect;

import org.jspecify.annotations.NullMarked;
