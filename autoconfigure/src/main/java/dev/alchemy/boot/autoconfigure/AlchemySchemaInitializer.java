package dev.alchemy.boot.autoconfigure;

import dev.alchemy.engine.Engine;
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
 * Creates the tables of the application's models that do not exist yet, when the application starts, like
 * SQLAlchemy's {@code Base.metadata.create_all(engine)}: existing tables are left as they are. Spring Boot's
 * database initialization orders it after Flyway and Liquibase and before {@code schema.sql}/{@code data.sql}, and
 * the {@code SessionFactory} waits for it. Switched off with {@code alchemy.schema.create-all=false}.
 */
public final class AlchemySchemaInitializer implements InitializingBean {

    private final Engine engine;
    private final AlchemyModels models;
    private @Nullable List<String> created;
    private @Nullable List<String> existing;

    /**
     * Creates the initializer.
     *
     * @param engine the engine to create the tables with
     * @param models the models whose tables to create
     */
    public AlchemySchemaInitializer(Engine engine, AlchemyModels models) {
        this.engine = Objects.requireNonNull(engine, "engine");
        this.models = Objects.requireNonNull(models, "models");
    }

    /** Creates the missing tables. */
    @Override
    public void afterPropertiesSet() {
        models.base().ifPresent(base -> createAll(base.metadata()));
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

    /** @return the models whose tables this creates */
    public AlchemyModels models() {
        return models;
    }
}
