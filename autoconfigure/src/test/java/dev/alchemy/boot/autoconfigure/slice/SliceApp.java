package dev.alchemy.boot.autoconfigure.slice;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The application a {@code @JdbcTest} in this package finds: it only marks where models are scanned from. */
@SpringBootApplication
class SliceApp {}
