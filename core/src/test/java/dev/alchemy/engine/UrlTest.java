package dev.alchemy.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.alchemy.exc.ArgumentError;
import org.junit.jupiter.api.Test;

class UrlTest {

    @Test
    void parsesSqliteForms() {
        assertThat(URL.parse("sqlite://").database()).isNull();
        assertThat(URL.parse("sqlite:///:memory:").database()).isEqualTo(":memory:");
        assertThat(URL.parse("sqlite:///relative.db").database()).isEqualTo("relative.db");
        assertThat(URL.parse("sqlite:////abs/path.db").database()).isEqualTo("/abs/path.db");
        assertThat(URL.parse("sqlite:///data/app.db").backendName()).isEqualTo("sqlite");
    }

    @Test
    void parsesServerUrlWithCredentialsPortAndQuery() {
        URL url = URL.parse("postgresql+psycopg2://scott:ti%40ger@db.example.com:5433/app?sslmode=require");
        assertThat(url.backendName()).isEqualTo("postgresql");
        assertThat(url.driverName()).isEqualTo("psycopg2");
        assertThat(url.username()).isEqualTo("scott");
        assertThat(url.password()).isEqualTo("ti@ger");
        assertThat(url.host()).isEqualTo("db.example.com");
        assertThat(url.port()).isEqualTo(5433);
        assertThat(url.database()).isEqualTo("app");
        assertThat(url.query()).containsEntry("sslmode", "require");
    }

    @Test
    void toStringHidesThePassword() {
        assertThat(URL.parse("postgresql://scott:tiger@localhost/app").toString())
                .isEqualTo("postgresql://scott:***@localhost/app")
                .doesNotContain("tiger");
        assertThat(URL.parse("jdbc:postgresql://localhost/app?user=a&password=secret")
                        .toString())
                .doesNotContain("secret");
    }

    @Test
    void parsesJdbcUrls() {
        URL url = URL.parse("jdbc:sqlite:app.db");
        assertThat(url.isJdbc()).isTrue();
        assertThat(url.backendName()).isEqualTo("sqlite");
        assertThat(URL.parse("jdbc:postgresql://localhost/x").backendName()).isEqualTo("postgresql");
    }

    @Test
    void rejectsMalformedUrlsNamingTheBadPart() {
        assertThatThrownBy(() -> URL.parse(""))
                .isInstanceOf(ArgumentError.class)
                .hasMessageContaining("empty");
        assertThatThrownBy(() -> URL.parse("not a url"))
                .isInstanceOf(ArgumentError.class)
                .hasMessageContaining("'not a url'");
        assertThatThrownBy(() -> URL.parse("postgresql://u@host:port/db"))
                .isInstanceOf(ArgumentError.class)
                .hasMessageContaining("invalid port 'port'");
        assertThatThrownBy(() -> URL.parse("postgresql://host:70000/db")).hasMessageContaining("70000");
        assertThatThrownBy(() -> URL.parse("jdbc:"))
                .isInstanceOf(ArgumentError.class)
                .hasMessageContaining("malformed JDBC URL");
        assertThatThrownBy(() -> URL.parse("postgresql://h/db?novalue"))
                .isInstanceOf(ArgumentError.class)
                .hasMessageContaining("'novalue'");
        assertThatThrownBy(() -> URL.parse("+driver://x")).isInstanceOf(ArgumentError.class);
    }
}
