package dev.alchemy.boot.autoconfigure.liquibase;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;

/** Auto-configuration with Liquibase on the class path. */
@SpringBootConfiguration
@EnableAutoConfiguration
public class LiquibaseApp {}
