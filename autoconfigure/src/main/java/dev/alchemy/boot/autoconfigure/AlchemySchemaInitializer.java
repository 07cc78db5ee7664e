package dev.alchemy.boot.autoconfigure;

import dev.alchemy.engine.Engine;
import java.util.Objects;
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
        models.base().ifPresent(base -> base.metadata().createAll(engine));
    }

    /** @return the models whose tables this creates */
    public AlchemyModels models() {
        return models;
    }
}
