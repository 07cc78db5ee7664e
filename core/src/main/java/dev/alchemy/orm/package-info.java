/**
 * The ORM: annotated model classes, {@link dev.alchemy.orm.Base}, {@link dev.alchemy.orm.SessionFactory},
 * {@link dev.alchemy.orm.Session} (unit of work, identity map) and {@link dev.alchemy.orm.Query}.
 */
@NullMarked
package dev.alchemy.orm;

import org.jspecify.annotations.NullMarked;
