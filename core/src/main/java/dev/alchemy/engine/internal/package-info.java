/** Implementation of the engine. Unsupported: anything here may change without notice. */
@NullMarked
package dev.alchemy.engine.internal;

import org.jspecify.annotations.NullMarked;
