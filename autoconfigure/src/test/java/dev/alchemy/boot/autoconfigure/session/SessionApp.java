package dev.alchemy.boot.autoconfigure.session;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Import;

/** The application: auto-configuration, and {@link User} found by scanning this package. */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import({Users.class, InnerTransactions.class})
public class SessionApp {}
