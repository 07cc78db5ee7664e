package dev.alchemy.demo;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The Alchemy demo: a Spring Boot web application that uses only the Alchemy starter. */
@SpringBootApplication
public class DemoApplication {

    /**
     * Starts the demo.
     *
     * @param args command-line arguments, passed to Spring Boot
     */
    public static void main(String[] args) {
        SpringApplication.run(DemoApplication.class, args);
    }
}
