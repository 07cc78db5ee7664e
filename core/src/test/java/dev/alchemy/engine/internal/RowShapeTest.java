package dev.alchemy.engine.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.alchemy.engine.EngineDialect;
import dev.alchemy.exc.InvalidRequestError;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A row finds a column by name alike in narrow rows (searched in turn) and wide ones (indexed). */
class RowShapeTest {

    final EngineDialect sqlite = EngineDialect.forName("sqlite");

    @ParameterizedTest
    @ValueSource(ints = {3, 8, 9, 20})
    void theFirstOfDuplicateKeysWinsThenAKeyInAnotherCase(int width) {
        String[] keys = new String[width];
        for (int i = 0; i < width; i++) {
            keys[i] = "c" + i;
        }
        keys[width - 1] = "id";
        keys[width - 2] = "Name";
        keys[0] = "id";
        DefaultRow.RowShape shape = DefaultRow.RowShape.of(keys, sqlite);
        assertThat(shape.indexOf("id")).isZero();
        assertThat(shape.indexOf("Name")).isEqualTo(width - 2);
        assertThat(shape.indexOf("name")).isEqualTo(width - 2);
        assertThat(shape.indexOf("ID")).isZero();
        assertThat(shape.keys()).containsExactly(keys);
        assertThatThrownBy(() -> shape.indexOf("nope"))
                .isInstanceOf(InvalidRequestError.class)
                .hasMessageStartingWith("no column 'nope' in row; columns: [id, ");
    }
}
