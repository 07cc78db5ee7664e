package dev.alchemy.boot.autoconfigure;

import com.zaxxer.hikari.HikariDataSource;
import dev.alchemy.engine.Engine;
import javax.sql.DataSource;
import javax.sql.XADataSource;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionMessage;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ResourceLoader;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * The zero-configuration default: when the application configures no database at all (no
 * {@code spring.datasource.url}, no {@code spring.datasource.jndi-name}, no {@code DataSource} or
 * {@code JdbcConnectionDetails} bean), supplies a HikariCP {@code DataSource} for {@code alchemy.url}, by default
 * the SQLite file {@code alchemy.db} in the working directory. It is ordered before Boot's
 * {@link DataSourceAutoConfiguration}, which would otherwise fail with "Failed to determine a suitable driver class"
 * because SQLite is not one of the databases Boot embeds.
 *
 * <p>The pool opens connections as the SQLite dialect prescribes: foreign keys on, a busy timeout, WAL for a file,
 * and {@code sqlite:///:memory:} as one database shared by every pooled connection. The pool can be tuned with
 * {@code spring.datasource.hikari.*}, as Boot's own.
 */
@AutoConfiguration(before = DataSourceAutoConfiguration.class)
@ConditionalOnClass({DataSource.class, HikariDataSource.class, Engine.class})
@ConditionalOnMissingBean(
        value = {DataSource.class, XADataSource.class, JdbcConnectionDetails.class},
        type = "io.r2dbc.spi.ConnectionFactory")
@Conditional(AlchemyDataSourceAutoConfiguration.NoDataSourcePropertiesCondition.class)
@EnableConfigurationProperties(AlchemyProperties.class)
public final class AlchemyDataSourceAutoConfiguration {

    private static final String HIKARI_PREFIX = "spring.datasource.hikari";

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean(DataSource.class)
    HikariDataSource dataSource(AlchemyProperties properties, ResourceLoader resourceLoader, Environment environment) {
        HikariDataSource dataSource = AlchemyDataSources.create(properties.getUrl(), resourceLoader.getClassLoader());
        // bound here, not by @ConfigurationProperties on this method: that would make the configuration processor
        // re-declare Boot's spring.datasource.hikari.* in our metadata, without descriptions, so IDEs showed each twice
        Binder.get(environment).bind(HIKARI_PREFIX, Bindable.ofInstance(dataSource));
        return dataSource;
    }

    /** Matches when neither {@code spring.datasource.url} nor {@code spring.datasource.jndi-name} has a value. */
    static final class NoDataSourcePropertiesCondition extends SpringBootCondition {

        private static final String[] PROPERTIES = {"spring.datasource.url", "spring.datasource.jndi-name"};

        @Override
        public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
            ConditionMessage.Builder message = ConditionMessage.forCondition("Alchemy default DataSource");
            for (String property : PROPERTIES) {
                if (StringUtils.hasText(context.getEnvironment().getProperty(property))) {
                    return ConditionOutcome.noMatch(message.found("property").items(property));
                }
            }
            return ConditionOutcome.match(
                    message.didNotFind("property", "properties").items((Object[]) PROPERTIES));
        }
    }
}
