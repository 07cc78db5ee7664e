package dev.alchemy.boot.test.autoconfigure;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The application an {@code @AlchemyTest} in this package finds: where models are scanned from, and components. */
@SpringBootApplication
class SliceApp {}
