/** Engine, Connection, Transaction, Result and Row: connections, pooling and the execution of statements. */
@NullMarked
package dev.alchemy.engine;

import org.jspecify.annotations.NullMarked;
