package dev.alchemy.boot.autoconfigure;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Role;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ResourceLoader;
import org.springframework.jdbc.datasource.LazyConnectionDataSourceProxy;

/**
 * A read replica: {@code @Transactional(readOnly = true)} work reads from it, everything else from the application's
 * DataSource (the primary), for Alchemy's sessions and {@code JdbcTemplate} alike. The replica is either built from
 * {@code alchemy.replica.url} or the application's own DataSource bean qualified {@value #QUALIFIER}:
 *
 * <pre>{@code
 * @Bean(defaultCandidate = false)      // not injected by type: Boot still builds the primary from spring.datasource
 * @Qualifier(AlchemyReplicaAutoConfiguration.QUALIFIER)
 * DataSource replica() { ... }
 * }</pre>
 *
 * <p>The routing is Spring Framework's {@link LazyConnectionDataSourceProxy} with a read-only DataSource, put in
 * place of the application's DataSource bean: a transaction's connection is fetched at its first statement, from
 * the replica when the transaction manager has made it read-only. A transaction's connection, and so the Session
 * bound to it, stays on one server for the whole transaction.
 */
@AutoConfiguration(after = DataSourceAutoConfiguration.class)
@ConditionalOnClass(LazyConnectionDataSourceProxy.class)
@EnableConfigurationProperties(AlchemyProperties.class)
public final class AlchemyReplicaAutoConfiguration {

    /** The qualifier of the replica's DataSource bean. */
    public static final String QUALIFIER = "alchemyReplica";

    /**
     * Wraps the application's DataSource when a replica is defined. Static and infrastructure: bean post-processors
     * are created before ordinary beans.
     */
    @Bean
    @Role(BeanDefinition.ROLE_INFRASTRUCTURE)
    static ReplicaRouting alchemyReplicaRouting() {
        return new ReplicaRouting();
    }

    /** The replica's pool, from {@code alchemy.replica.*}. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(HikariDataSource.class)
    @ConditionalOnProperty("alchemy.replica.url")
    static class ReplicaPool {

        @Bean(defaultCandidate = false, destroyMethod = "close")
        @Qualifier(QUALIFIER)
        HikariDataSource alchemyReplicaDataSource(
                AlchemyProperties properties, Environment environment, ResourceLoader resourceLoader) {
            AlchemyProperties.Replica replica = properties.getReplica();
            HikariDataSource dataSource = AlchemyDataSources.create(
                    "alchemy.replica.url", String.valueOf(replica.getUrl()), resourceLoader.getClassLoader());
            dataSource.setPoolName("alchemy-replica");
            dataSource.setReadOnly(true);
            dataSource.setMaximumPoolSize(replica.getMaximumPoolSize());
            String username = replica.getUsername() != null
                    ? replica.getUsername()
                    : environment.getProperty("spring.datasource.username");
            String password = replica.getPassword() != null
                    ? replica.getPassword()
                    : environment.getProperty("spring.datasource.password");
            if (username != null) {
                dataSource.setUsername(username);
            }
            if (password != null) {
                dataSource.setPassword(password);
            }
            return dataSource;
        }
    }
}
