package dev.alchemy.demo;

import dev.alchemy.Alchemy;
import dev.alchemy.engine.Connection;
import dev.alchemy.engine.Engine;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Shows that the auto-configured engine reaches the database. */
@RestController
class StatusController {

    private final Engine engine;

    StatusController(Engine engine) {
        this.engine = engine;
    }

    /**
     * Runs {@code SELECT 1} through the engine.
     *
     * @return the dialect and the answer
     */
    @GetMapping("/status")
    Map<String, Object> status() {
        try (Connection connection = engine.connect()) {
            Object answer = connection.execute(Alchemy.text("SELECT 1")).scalar();
            return Map.of("database", engine.dialect().name(), "selectOne", answer);
        }
    }
}
