package dev.alchemy.boot.autoconfigure.data;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;

/** The application: auto-configuration only; models and repositories are found in this package. */
@SpringBootConfiguration
@EnableAutoConfiguration
public class PetClinicApp {}
