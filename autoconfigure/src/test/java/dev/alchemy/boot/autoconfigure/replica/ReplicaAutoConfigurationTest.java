package dev.alchemy.boot.autoconfigure.replica;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.alchemy.boot.autoconfigure.AlchemyAutoConfiguration;
import dev.alchemy.boot.autoconfigure.AlchemyDataSourceAutoConfiguration;
import dev.alchemy.boot.autoconfigure.AlchemyReplicaAutoConfiguration;
import dev.alchemy.engine.Engine;
import dev.alchemy.testing.PostgresReplication;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.LazyConnectionDataSourceProxy;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** When the DataSource is routed, and by which replica: none, {@code alchemy.replica.url}, or the application's. */
class ReplicaAutoConfigurationTest {

    static final PostgresReplication pair = PostgresReplication.get();
    static final String database = pair.createDatabase("ReplicaAutoConfigurationTest");

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(
                    AlchemyDataSourceAutoConfiguration.class,
                    DataSourceAutoConfiguration.class,
                    AlchemyAutoConfiguration.class,
                    AlchemyReplicaAutoConfiguration.class,
                    DataSourceTransactionManagerAutoConfiguration.class,
                    JdbcTemplateAutoConfiguration.class,
                    TransactionAutoConfiguration.class))
            .withPropertyValues(
                    "spring.datasource.url=" + pair.primaryJdbcUrl(database),
                    "spring.datasource.username=" + PostgresReplication.USER,
                    "alchemy.schema.create-all=false");

    @Test
    void withoutAReplicaTheDataSourceIsLeftAlone() {
        runner.run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBean(DataSource.class)).isInstanceOf(HikariDataSource.class);
            assertThat(context).doesNotHaveBean("alchemyReplicaDataSource");
        });
    }

    @Test
    void theReplicaUrlAddsAReadOnlyPoolAndRoutesToIt() {
        runner.withPropertyValues("alchemy.replica.url=" + pair.standbyJdbcUrl(database))
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context.getBean(DataSource.class)).isInstanceOf(LazyConnectionDataSourceProxy.class);
                    HikariDataSource replica = context.getBean("alchemyReplicaDataSource", HikariDataSource.class);
                    assertThat(replica.getPoolName()).isEqualTo("alchemy-replica");
                    assertThat(replica.isReadOnly()).isTrue();
                    assertThat(replica.getUsername()).isEqualTo(PostgresReplication.USER); // spring.datasource's
                    assertThat(onStandby(context, true)).isTrue();
                    assertThat(onStandby(context, false)).isFalse();
                });
    }

    @Test
    void theApplicationsOwnQualifiedDataSourceIsTheReplica() {
        runner.withUserConfiguration(OwnReplica.class).run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context).hasSingleBean(Engine.class); // a second DataSource does not make Alchemy back off
            assertThat(context.getBean(DataSource.class)).isInstanceOf(LazyConnectionDataSourceProxy.class);
            assertThat(onStandby(context, true)).isTrue();
            assertThat(onStandby(context, false)).isFalse();
        });
    }

    @Test
    void aBadReplicaUrlFailsAtStartUpNamingTheProperty() {
        runner.withPropertyValues("alchemy.replica.url=nosuchdb://x/y")
                .run(context -> assertThat(context)
                        .getFailure()
                        .hasStackTraceContaining("Property alchemy.replica.url with value 'nosuchdb://x/y' is invalid")
                        .hasStackTraceContaining("Alchemy has no dialect 'nosuchdb'"));
    }

    private static boolean onStandby(org.springframework.context.ApplicationContext context, boolean readOnly) {
        TransactionTemplate transaction = new TransactionTemplate(context.getBean(PlatformTransactionManager.class));
        transaction.setReadOnly(readOnly);
        JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
        return Boolean.TRUE.equals(
                transaction.execute(status -> jdbc.queryForObject("SELECT pg_is_in_recovery()", Boolean.class)));
    }

    static final String STANDBY_URL = pair.standbyJdbcUrl(database);

    @Configuration(proxyBeanMethods = false)
    static class OwnReplica {

        // tag::own-replica[]
        @Bean(defaultCandidate = false) // Boot still builds the primary; nothing else gets the replica by type
        @Qualifier(AlchemyReplicaAutoConfiguration.QUALIFIER) // "alchemyReplica"
        HikariDataSource replica() {
            HikariDataSource replica = new HikariDataSource();
            replica.setJdbcUrl(STANDBY_URL);
            replica.setUsername("postgres");
            return replica;
        }
        // end::own-replica[]
    }
}
