/** A model class that cannot be mapped, outside the packages other tests scan. */
@NullMarked
package dev.alchemy.boot.badmodels;

import org.jspecify.annotations.NullMarked;
