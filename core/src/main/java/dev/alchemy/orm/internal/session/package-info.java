/** Implementation of the ORM: mappers, the unit of work, the session. Unsupported: anything here may change without notice. */
@NullMarked
package dev.alchemy.orm.internal.session;

import org.jspecify.annotations.NullMarked;
