package dev.alchemy.boot.autoconfigure.validate;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;

/** Auto-configuration with Flyway on the class path, so {@code alchemy.schema.mode} defaults to validate. */
@SpringBootConfiguration
@EnableAutoConfiguration
public class ValidateApp {}
