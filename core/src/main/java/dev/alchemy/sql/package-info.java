/** The SQL expression language: immutable statements compiled by a dialect into SQL text and bound parameters. */
@NullMarked
package dev.alchemy.sql;

import org.jspecify.annotations.NullMarked;
