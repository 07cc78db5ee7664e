package dev.alchemy.orm.internal.flush;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A row's parameters by position behave as the map the connection reads them from. */
class RowParametersTest {

    @Test
    void answersByNameAsAMapWould() {
        String[] names = {"email", "pk_id", "version_id"};
        RowParameters row = new RowParameters(names);
        row.set(0, "ada@example.com");
        row.set(1, 7);
        // version_id left null: present, with a null value

        assertThat(row.get("email")).isEqualTo("ada@example.com");
        assertThat(row.get(new String("pk_id"))).isEqualTo(7); // an equal name, not the same string
        assertThat(row.containsKey("version_id")).isTrue();
        assertThat(row.get("version_id")).isNull();
        assertThat(row.containsKey("name")).isFalse();
        assertThat(row.get("name")).isNull();
        assertThat(row).hasSize(3);

        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("email", "ada@example.com");
        expected.put("pk_id", 7);
        expected.put("version_id", null);
        assertThat(row).isEqualTo(expected);
        assertThat(row.keySet()).containsExactly("email", "pk_id", "version_id");
    }

    @Test
    void rowsOfAGroupShareTheNamesButNotTheValues() {
        String[] names = {"email", "pk_id"};
        RowParameters first = new RowParameters(names);
        RowParameters second = new RowParameters(names);
        first.set(0, "a@example.com");
        second.set(0, "b@example.com");
        assertThat(first.get("email")).isEqualTo("a@example.com");
        assertThat(second.get("email")).isEqualTo("b@example.com");
    }
}
