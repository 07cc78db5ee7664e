/** Helpers shared by the dialects. Unsupported: anything here may change without notice. */
@NullMarked
package dev.alchemy.dialect.internal;

import org.jspecify.annotations.NullMarked;
