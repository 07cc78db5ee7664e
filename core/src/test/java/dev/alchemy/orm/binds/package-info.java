/** Sessions over several engines: binds, the bind resolver, read-only sessions on a replica. */
@NullMarked
package dev.alchemy.orm.binds;

import org.jspecify.annotations.NullMarked;
