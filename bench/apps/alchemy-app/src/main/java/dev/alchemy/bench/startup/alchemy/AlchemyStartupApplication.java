package dev.alchemy.bench.startup.alchemy;

import dev.alchemy.engine.Engine;
import dev.alchemy.orm.Base;
import dev.alchemy.orm.SessionFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/** Two models on the Alchemy starter: the models are scanned and their tables created at startup. */
@SpringBootApplication
public class AlchemyStartupApplication {

    /**
     * The models of this application's model package, their tables created if missing.
     *
     * @param engine the starter's engine
     * @return the Base
     */
    @Bean
    Base base(Engine engine) {
        Base base = Base.scan(AlchemyStartupApplication.class.getPackageName() + ".model");
        base.metadata().createAll(engine);
        return base;
    }

    @Bean
    SessionFactory sessionFactory(Engine engine, Base base) {
        return new SessionFactory(engine);
    }

    /**
     * Starts the application.
     *
     * @param args passed to Spring Boot
     */
    public static void main(String[] args) {
        SpringApplication.run(AlchemyStartupApplication.class, args);
    }
}
