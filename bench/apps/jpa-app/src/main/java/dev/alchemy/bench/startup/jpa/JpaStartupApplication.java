package dev.alchemy.bench.startup.jpa;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The same two models on Spring Data JPA: entities scanned, a repository each, tables by {@code ddl-auto=update}. */
@SpringBootApplication
public class JpaStartupApplication {

    /**
     * Starts the application.
     *
     * @param args passed to Spring Boot
     */
    public static void main(String[] args) {
        SpringApplication.run(JpaStartupApplication.class, args);
    }
}
