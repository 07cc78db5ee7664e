@NullMarked
package dev.alchemy.boot.autoconfigure;

import org.jspecify.annotations.NullMarked;
