package dev.alchemy.bench.startup.alchemy;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Two models on the Alchemy starter, nothing else: the starter scans the models in this package, creates their
 * tables and provides the SessionFactory and Session.
 */
@SpringBootApplication
public class AlchemyStartupApplication {

    /**
     * Starts the application.
     *
     * @param args passed to Spring Boot
     */
    public static void main(String[] args) {
        SpringApplication.run(AlchemyStartupApplication.class, args);
    }
}
