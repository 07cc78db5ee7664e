/**
 * Alchemy's Maven plugin: {@code mvn alchemy:migration -Dmessage="add phone"} writes the next Flyway migration from
 * the difference between the project's models and its development database ({@link dev.alchemy.maven.MigrationMojo}).
 */
@NullMarked
package dev.alchemy.maven;

import org.jspecify.annotations.NullMarked;
