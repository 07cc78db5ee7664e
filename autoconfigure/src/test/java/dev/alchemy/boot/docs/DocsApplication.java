package dev.alchemy.boot.docs;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The application of the guide's snippets: {@link User} is found by scanning this package. */
@SpringBootApplication
public class DocsApplication {}
