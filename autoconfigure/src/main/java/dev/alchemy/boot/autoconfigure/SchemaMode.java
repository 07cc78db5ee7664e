package dev.alchemy.boot.autoconfigure;

/**
 * What Alchemy does with the database's schema at start-up ({@code alchemy.schema.mode}). Unset, it is
 * {@link #VALIDATE} when Flyway or Liquibase migrates the database and {@link #CREATE} otherwise.
 */
public enum SchemaMode {

    /**
     * Create the tables of the models that do not exist yet, like {@code Base.metadata.create_all(engine)}; existing
     * tables are never changed.
     */
    CREATE,

    /**
     * Compare the models with the database and fail start-up on any difference, listing them and the command that
     * writes the migration. Runs after Flyway or Liquibase, so it checks the migrated database.
     */
    VALIDATE,

    /** Leave the schema alone. */
    NONE
}
