/** The snippets of {@code docs/migrations.md}. */
@NullMarked
package dev.alchemy.docs.migrations;

import org.jspecify.annotations.NullMarked;
