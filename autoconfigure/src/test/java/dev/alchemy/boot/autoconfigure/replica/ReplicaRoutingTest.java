package dev.alchemy.boot.autoconfigure.replica;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.alchemy.testing.PostgresReplication;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.LazyConnectionDataSourceProxy;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * {@code alchemy.replica.url} on a real primary and streaming standby: read-only transactions read from the standby
 * ({@code pg_is_in_recovery()} is true there), everything else runs on the primary, for Alchemy's Session and
 * {@code JdbcTemplate} alike; the standby refuses writes; a write reaches it once replication has caught up.
 */
@SpringBootTest(classes = ReplicaApp.class)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class ReplicaRoutingTest {

    static final PostgresReplication pair = PostgresReplication.get();
    static final String database = pair.createDatabase("ReplicaRoutingTest");

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> pair.primaryJdbcUrl(database));
        registry.add("spring.datasource.username", () -> PostgresReplication.USER);
        registry.add("alchemy.replica.url", () -> pair.standbyJdbcUrl(database));
    }

    @Autowired
    ReplicaApp.Accounts accounts;

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void emptyTable() {
        jdbc.update("DELETE FROM replica_accounts"); // on the primary: not in a read-only transaction
        pair.awaitReplay(); // the table (created at start-up) and its emptiness reach the standby
    }

    @Test
    void theApplicationsDataSourceRoutesReadOnlyConnectionsToTheReplica() {
        assertThat(dataSource).isInstanceOf(LazyConnectionDataSourceProxy.class);
    }

    @Test
    void readOnlyTransactionsReadFromTheStandbyAndWritesGoToThePrimary() {
        ReplicaApp.Seen<Integer> opened = accounts.open("alice");
        assertThat(opened.onStandby()).isFalse();
        assertThat(opened.value()).isNotNull();

        pair.awaitReplay();
        ReplicaApp.Seen<java.util.List<String>> names = accounts.names();
        assertThat(names.onStandby()).isTrue();
        assertThat(names.value()).containsExactly("alice");
    }

    @Test
    void theGuidesServiceWritesOnThePrimaryAndReadsTheReplicaOnceItCaughtUp() {
        Account added = accounts.add("carol");
        assertThat(added.id).isNotNull();
        pair.awaitReplay();
        assertThat(accounts.accounts()).extracting(a -> a.name).containsExactly("carol");
    }

    @Test
    void jdbcTemplateRoutesLikeTheSession() {
        assertThat(accounts.jdbcTemplateInReadOnly().onStandby()).isTrue();
        assertThat(accounts.jdbcTemplateInReadWrite().onStandby()).isFalse();
    }

    @Test
    void workOutsideATransactionUsesThePrimary() {
        assertThat(accounts.onStandbyWithoutTransaction()).isFalse();
        assertThat(jdbc.queryForObject("SELECT pg_is_in_recovery()", Boolean.class))
                .isFalse();
    }

    @Test
    void aWriteInAReadOnlyTransactionIsRefused() {
        assertThatThrownBy(() -> accounts.openInReadOnly("mallory"))
                .isInstanceOf(DataAccessException.class)
                .hasMessageContaining("read-only transaction");
        assertThatThrownBy(() -> accounts.jdbcTemplateWriteInReadOnly("mallory"))
                .isInstanceOf(DataAccessException.class)
                .hasMessageContaining("read-only transaction");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM replica_accounts", Integer.class))
                .isZero();
    }

    @Test
    void aReadOnlyTransactionInsideAReadWriteOneHasASessionOfItsOwn() {
        int id = accounts.open("bob").value();
        pair.awaitReplay();
        Account[] both = accounts.sameAccountInBoth(id);
        // the same row, loaded by two sessions on two servers: two objects, never one identity map for both
        assertThat(both[0]).isNotSameAs(both[1]);
        assertThat(both[0].name).isEqualTo("bob");
        assertThat(both[1].name).isEqualTo("bob");
    }
}
