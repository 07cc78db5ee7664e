/**
 * Schema evolution, like Alembic's autogenerate: {@link dev.alchemy.migration.SchemaDiff} compares the tables of a
 * {@link dev.alchemy.schema.MetaData} with what a database holds and lists the differences as
 * {@link dev.alchemy.migration.MigrationOp operations}; {@link dev.alchemy.migration.MigrationScript} writes them as
 * a SQL script for the database (a Flyway migration), SQLite's table rebuilds included.
 *
 * <pre>{@code
 * SchemaDiff diff = SchemaDiff.compare(Base.of(User.class).metadata(), engine);
 * Files.writeString(Path.of("src/main/resources/db/migration/V2__add_phone.sql"), MigrationScript.render(diff).sql());
 * }</pre>
 */
@NullMarked
package dev.alchemy.migration;

import org.jspecify.annotations.NullMarked;
