package dev.alchemy.boot.test.autoconfigure;

import dev.alchemy.boot.autoconfigure.AlchemyDataSourceAutoConfiguration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import org.springframework.aot.AotDetector;
import org.springframework.beans.factory.NoSuchBeanDefinitionException;
import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.boot.autoconfigure.container.ContainerImageMetadata;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.BoundPropertiesTrackingBindHandler;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase.Replace;
import org.springframework.boot.origin.PropertySourceOrigin;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.type.MethodMetadata;

/**
 * Swaps the application's {@code DataSource} bean definition for an {@link InMemorySqliteDataSource} before any bean
 * is created, with the rules of Spring Boot's {@code @AutoConfigureTestDatabase}.
 */
final class TestDatabaseReplacer implements BeanDefinitionRegistryPostProcessor, Ordered {

    static final String REPLACE_PROPERTY = "spring.test.database.replace";

    private static final Log logger = LogFactory.getLog(TestDatabaseReplacer.class);

    private static final String DYNAMIC_VALUES = "org.springframework.test.context.support.DynamicValuesPropertySource";

    private final Environment environment;

    TestDatabaseReplacer(Environment environment) {
        this.environment = environment;
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    @Override
    public void postProcessBeanDefinitionRegistry(BeanDefinitionRegistry registry) {
        if (AotDetector.useGeneratedArtifacts()) {
            return; // the replacement was decided when the test's context was processed ahead of time
        }
        Replace replace = environment.getProperty(REPLACE_PROPERTY, Replace.class, Replace.NON_TEST);
        if (replace == Replace.NONE || !(registry instanceof ConfigurableListableBeanFactory beanFactory)) {
            return;
        }
        String name = dataSourceBeanName(beanFactory);
        if (name == null) {
            return;
        }
        BeanDefinition definition = beanFactory.getBeanDefinition(name);
        String autoConfiguredBy = autoConfiguredBy(definition);
        boolean replaceable = switch (replace) {
            case ANY -> true;
            case AUTO_CONFIGURED -> autoConfiguredBy != null;
            default -> autoConfiguredBy == null || !connectsToTestDatabase(beanFactory, autoConfiguredBy);
        };
        if (!replaceable) {
            return;
        }
        logger.info("Replacing the DataSource bean '" + name + "' with a private in-memory SQLite database "
                + "(@AutoConfigureTestDatabase replace = " + replace + "; replace = NONE keeps the application's)");
        RootBeanDefinition sqlite = new RootBeanDefinition(InMemorySqliteDataSource.class);
        sqlite.setPrimary(definition.isPrimary());
        registry.removeBeanDefinition(name);
        registry.registerBeanDefinition(name, sqlite);
        if (environment instanceof ConfigurableEnvironment configurable) {
            // an alchemy.dialect meant for the application's database must not apply to the test's SQLite
            configurable
                    .getPropertySources()
                    .addFirst(new MapPropertySource("alchemyTestDatabase", Map.of("alchemy.dialect", "sqlite")));
        }
    }

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {}

    private static @Nullable String dataSourceBeanName(ConfigurableListableBeanFactory beanFactory) {
        String[] names = beanFactory.getBeanNamesForType(DataSource.class, true, false);
        if (names.length == 1) {
            return names[0];
        }
        for (String name : names) {
            if (beanFactory.getBeanDefinition(name).isPrimary()) {
                return name;
            }
        }
        if (names.length > 1) {
            logger.warn("Several DataSource beans and none @Primary: @AlchemyTest keeps them all");
        }
        return null;
    }

    /** @return the property that configured an auto-configured DataSource, null for the application's own bean */
    private static @Nullable String autoConfiguredBy(BeanDefinition definition) {
        if (definition instanceof AnnotatedBeanDefinition annotated) {
            MethodMetadata factory = annotated.getFactoryMethodMetadata();
            if (factory != null) {
                String owner = factory.getDeclaringClassName();
                if (owner.startsWith(AlchemyDataSourceAutoConfiguration.class.getName())) {
                    return "alchemy.url";
                }
                if (owner.startsWith("org.springframework.boot.jdbc.autoconfigure.")) {
                    return "spring.datasource.url";
                }
            }
        }
        return null;
    }

    private boolean connectsToTestDatabase(ConfigurableListableBeanFactory beanFactory, String urlProperty) {
        for (String name : beanFactory.getBeanNamesForType(JdbcConnectionDetails.class, true, false)) {
            try {
                if (ContainerImageMetadata.isPresent(beanFactory.getBeanDefinition(name))) {
                    return true; // @ServiceConnection
                }
            } catch (NoSuchBeanDefinitionException ignored) {
                // a singleton without a definition
            }
        }
        List<ConfigurationProperty> bound = new ArrayList<>();
        Binder.get(environment, new BoundPropertiesTrackingBindHandler(bound::add))
                .bind(urlProperty, Bindable.of(String.class));
        if (bound.isEmpty()) {
            return false;
        }
        ConfigurationProperty url = bound.get(0);
        return (url.getOrigin() instanceof PropertySourceOrigin origin
                        && origin.getPropertySource().getClass().getName().equals(DYNAMIC_VALUES))
                || String.valueOf(url.getValue()).startsWith("jdbc:tc:");
    }
}
