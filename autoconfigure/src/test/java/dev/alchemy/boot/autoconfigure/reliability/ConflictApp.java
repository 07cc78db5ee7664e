package dev.alchemy.boot.autoconfigure.reliability;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Import;

/** The application: auto-configuration, {@link Document} found by scanning this package, and the service. */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(Documents.class)
public class ConflictApp {}
