package dev.alchemy.orm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.alchemy.engine.CompiledStatement;
import dev.alchemy.engine.EngineDialect;
import dev.alchemy.orm.model.User;
import org.junit.jupiter.api.Test;

/** An entity select keeps its last compilation, for the dialect it was made for only. */
class EntitySelectCompileTest {

    @Test
    void aSelectCompiledAgainForTheSameDialectIsTheSameAndAnotherDialectGetsItsOwn() {
        EntitySelect<User> select =
                EntitySelect.of(User.class).filterBy("name", "Alice").limit(2);
        EngineDialect sqlite = EngineDialect.forName("sqlite");
        EngineDialect postgresql = EngineDialect.forName("postgresql");
        CompiledStatement first = select.compile(sqlite);
        assertThat(select.compile(sqlite)).isSameAs(first);
        CompiledStatement pg = select.compile(postgresql);
        assertThat(pg.sql()).isEqualTo(select.select().compile(postgresql).sql());
        assertThat(select.compile(sqlite).sql()).isEqualTo(first.sql());
        assertThat(first.parameters())
                .extracting(p -> p.value())
                .startsWith("Alice", 2); // SQLite writes LIMIT ? OFFSET ?
    }
}
