package dev.alchemy.boot.docs;

// tag::engine-service[]
import static dev.alchemy.Alchemy.text;

import dev.alchemy.engine.Connection;
import dev.alchemy.engine.Engine;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
public class Notes {
    private final Engine engine;

    public Notes(Engine engine) {
        this.engine = engine;
    }

    @Transactional
    public void add(String body) {
        try (Connection conn = engine.connect()) {
            conn.execute(text("INSERT INTO note (body) VALUES (:body)"), Map.of("body", body));
        } // no commit: the transaction manager commits when the method returns
    }
}
// end::engine-service[]
