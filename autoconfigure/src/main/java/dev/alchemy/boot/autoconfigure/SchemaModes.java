package dev.alchemy.boot.autoconfigure;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.util.ClassUtils;

/** Resolves {@code alchemy.schema.mode} when it is not set: validate behind a migration tool, else create. */
final class SchemaModes {

    /** Spring Boot's beans that migrate a database; either one means the schema is the migrations' business. */
    private static final String[] MIGRATION_TOOLS = {
        "org.flywaydb.core.Flyway", "liquibase.integration.spring.SpringLiquibase"
    };

    private SchemaModes() {}

    @SuppressWarnings("deprecation") // alchemy.schema.create-all still counts when the mode is not set
    static SchemaMode resolve(AlchemyProperties properties, ListableBeanFactory beans) {
        AlchemyProperties.Schema schema = properties.getSchema();
        if (schema.getMode() != null) {
            return schema.getMode();
        }
        if (!schema.isCreateAll()) {
            return SchemaMode.NONE;
        }
        return hasMigrationTool(beans) ? SchemaMode.VALIDATE : SchemaMode.CREATE;
    }

    static boolean hasMigrationTool(ListableBeanFactory beans) {
        ClassLoader loader = SchemaModes.class.getClassLoader();
        for (String name : MIGRATION_TOOLS) {
            if (ClassUtils.isPresent(name, loader)
                    && beans.getBeanNamesForType(ClassUtils.resolveClassName(name, loader), true, false).length > 0) {
                return true;
            }
        }
        return false;
    }
}
