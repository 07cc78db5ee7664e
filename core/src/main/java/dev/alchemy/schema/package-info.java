/** Schema objects: {@link dev.alchemy.schema.MetaData}, {@link dev.alchemy.schema.Table}, {@link dev.alchemy.schema.Column}, constraints, indexes, and the DDL that creates them. */
@NullMarked
package dev.alchemy.schema;

import org.jspecify.annotations.NullMarked;
