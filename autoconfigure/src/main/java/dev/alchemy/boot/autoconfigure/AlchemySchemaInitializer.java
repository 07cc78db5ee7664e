package dev.alchemy.boot.autoconfigure;

import dev.alchemy.engine.Engine;
import dev.alchemy.migration.SchemaDiff;
import dev.alchemy.schema.Inspector;
import dev.alchemy.schema.MetaData;
import dev.alchemy.schema.Table;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.InitializingBean;

/**
 * Applies {@code alchemy.schema.mode} to the database when the application starts. In {@link SchemaMode#CREATE} it
 * creates the tables of the application's models that do not exist yet, like SQLAlchemy's
 * {@code Base.metadata.create_all(engine)}: existing tables are left as they are. In {@link SchemaMode#VALIDATE} it
 * compares the models with the database ({@link SchemaDiff}) and fails start-up with an
 * {@link AlchemySchemaDriftException} on any difference. Spring Boot's database initialization orders it after
 * Flyway and Liquibase and before {@code schema.sql}/{@code data.sql}, and the {@code SessionFactory} waits for it.
 */
public final class AlchemySchemaInitializer implements InitializingBean {

    private final Engine engine;
    private final AlchemyModels models;
    private final SchemaMode mode;
    private @Nullable List<String> created;
    private @Nullable List<String> existing;

    /**
     * Creates an initializer that creates the missing tables.
     *
     * @param engine the engine to create the tables with
     * @param models the models whose tables to create
     */
    public AlchemySchemaInitializer(Engine engine, AlchemyModels models) {
        this(engine, models, SchemaMode.CREATE);
    }

    /**
     * Creates the initializer.
     *
     * @param engine the engine of the database
     * @param models the models
     * @param mode what to do: create the missing tables, validate, or nothing
     */
    public AlchemySchemaInitializer(Engine engine, AlchemyModels models, SchemaMode mode) {
        this.engine = Objects.requireNonNull(engine, "engine");
        this.models = Objects.requireNonNull(models, "models");
        this.mode = Objects.requireNonNull(mode, "mode");
    }

    /**
     * Creates the missing tables, or validates the schema.
     *
     * @throws AlchemySchemaDriftException in {@link SchemaMode#VALIDATE} when the database differs from the models
     */
    @Override
    public void afterPropertiesSet() {
        models.base().ifPresent(base -> {
            switch (mode) {
                case CREATE -> createAll(base.metadata());
                case VALIDATE -> {
                    SchemaDiff diff = SchemaDiff.compare(base.metadata(), engine);
                    if (!diff.isEmpty()) {
                        throw new AlchemySchemaDriftException(diff.dialect().name(), diff.summary());
                    }
                }
                case NONE -> {}
            }
        });
    }

    private void createAll(MetaData metadata) {
        if (!AlchemyStartupSummary.enabled()) {
            metadata.createAll(engine);
            return;
        }
        // for the start-up summary: which tables were there before (one query per schema)
        Inspector inspector = Inspector.of(engine);
        Set<String> before = new HashSet<>();
        metadata.tables().stream()
                .map(Table::schema)
                .distinct()
                .forEach(schema -> inspector.tableNames(schema).forEach(name -> before.add(key(schema, name))));
        metadata.createAll(engine);
        List<String> made = new ArrayList<>();
        List<String> found = new ArrayList<>();
        for (Table table : metadata.tables()) {
            (before.contains(key(table.schema(), table.name())) ? found : made).add(table.fullName());
        }
        created = List.copyOf(made);
        existing = List.copyOf(found);
    }

    private static String key(@Nullable String schema, String name) {
        return (schema == null ? "" : schema + ".") + name.toLowerCase(Locale.ROOT);
    }

    /** @return the tables created at start-up, null when not noted (the start-up summary is not logged) */
    @Nullable
    List<String> created() {
        return created;
    }

    /** @return the tables that were there already, null when not noted */
    @Nullable
    List<String> existing() {
        return existing;
    }

    /** @return what this does at start-up */
    public SchemaMode mode() {
        return mode;
    }

    /** @return the models whose tables this creates or validates */
    public AlchemyModels models() {
        return models;
    }
}
