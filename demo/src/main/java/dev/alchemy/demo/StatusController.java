package dev.alchemy.demo;

import dev.alchemy.Alchemy;
import dev.alchemy.engine.Connection;
import dev.alchemy.engine.Engine;
import org.jspecify.annotations.Nullable;
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
    Status status() {
        try (Connection connection = engine.connect()) {
            Integer answer = connection.execute(Alchemy.text("SELECT 1")).scalar(Integer.class);
            return new Status(engine.dialect().name(), answer);
        }
    }

    /**
     * The answer, as JSON in this order: {@code {"database":"sqlite","selectOne":1}}.
     *
     * @param database the dialect's name
     * @param selectOne what {@code SELECT 1} returned
     */
    record Status(String database, @Nullable Integer selectOne) {}
}
