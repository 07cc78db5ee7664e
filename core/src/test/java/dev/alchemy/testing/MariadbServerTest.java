package dev.alchemy.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

class MariadbServerTest {

    @Test
    void startsOnceAndGivesEachOwnerItsOwnDatabase() throws Exception {
        MariadbServer server = MariadbServer.get();
        assertThat(MariadbServer.get()).isSameAs(server);
        String first = server.createDatabase("MariadbServerTest");
        String second = server.createDatabase("MariadbServerTest");
        assertThat(first).isNotEqualTo(second);
        try (Connection c = server.connect(first);
                Statement s = c.createStatement()) {
            s.execute("CREATE TABLE t (id INTEGER PRIMARY KEY)");
            try (ResultSet rs = s.executeQuery("SELECT version(), @@default_storage_engine, @@sql_mode")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).startsWith("11.4").contains("MariaDB");
                assertThat(rs.getString(2)).isEqualTo("InnoDB");
                assertThat(rs.getString(3)).contains("STRICT_TRANS_TABLES");
            }
        }
        server.recreateDatabase(first);
        try (Connection c = server.connect(first);
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(
                        "SELECT count(*) FROM information_schema.tables WHERE table_schema = '" + first + "'")) {
            rs.next();
            assertThat(rs.getInt(1)).isZero();
        }
        server.dropDatabase(first);
        server.dropDatabase(second);
    }
}
