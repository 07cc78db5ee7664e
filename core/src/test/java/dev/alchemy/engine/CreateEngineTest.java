package dev.alchemy.engine;

import static dev.alchemy.Alchemy.createEngine;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.alchemy.exc.ArgumentError;
import dev.alchemy.exc.NoSuchModuleError;
import dev.alchemy.exc.OperationalError;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

/** Creating an engine from a URL: unknown dialects, missing drivers, unreachable servers. */
class CreateEngineTest {

    @Test
    void unknownDialectListsTheKnownOnes() {
        assertThatThrownBy(() -> createEngine("sqllite:///x.db"))
                .isInstanceOf(ArgumentError.class)
                .hasMessageStartingWith("unknown dialect 'sqllite' in 'sqllite:///x.db'; known: ")
                .hasMessageContaining("sqlite")
                .hasMessageContaining("postgresql");
    }

    @Test
    void missingDriverNamesTheArtifact() {
        // NoDriverDialect (registered in the test resources) names a driver class that exists nowhere
        assertThatThrownBy(() -> createEngine("nodriver://host/db"))
                .isInstanceOf(NoSuchModuleError.class)
                .hasMessageContaining("com.example.nodriver.Driver")
                .hasMessageContaining("add the dependency com.example:nodriver-jdbc");
    }

    @Test
    void postgresqlUrlWithoutADatabaseIsRejected() {
        assertThatThrownBy(() -> createEngine("postgresql://scott:tiger@localhost"))
                .isInstanceOf(ArgumentError.class)
                .hasMessageContaining("needs a database name")
                .hasMessageNotContaining("tiger");
    }

    @Test
    void unreachableServerIsAnOperationalErrorOnConnectNotOnCreate() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort(); // free once the socket closes: nothing listens there
        }
        try (Engine engine = createEngine("postgresql://scott:tiger@127.0.0.1:" + closedPort + "/app")) {
            assertThat(engine.dialect().name()).isEqualTo("postgresql");
            assertThatThrownBy(engine::connect)
                    .isInstanceOf(OperationalError.class)
                    .hasMessageContaining("Connection")
                    .hasMessageNotContaining("tiger");
        }
    }
}
