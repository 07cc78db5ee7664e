package dev.alchemy.boot.autoconfigure.flyway;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;

/** Auto-configuration with Flyway on the class path. */
@SpringBootConfiguration
@EnableAutoConfiguration
public class FlywayApp {}
