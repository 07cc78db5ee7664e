package dev.alchemy.boot.autoconfigure;

import java.util.Arrays;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.NoSuchBeanDefinitionException;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.Ordered;
import org.springframework.core.ResolvableType;
import org.springframework.core.annotation.Order;

/**
 * Explains why an Alchemy bean ({@code Engine}, {@code SessionFactory}, {@code Session}) that the application
 * asks for does not exist when the reason is the data source: none at all, or several with none {@code @Primary}.
 * Ordered before Boot's generic analysis of a missing bean. Other bad configuration ({@code alchemy.url},
 * {@code alchemy.dialect}, a missing driver, model packages without models, a model that cannot be mapped) is
 * reported where it is found, with Boot's
 * {@code InvalidConfigurationPropertyValueException} or {@code FailureAnalyzedException}.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
class AlchemyFailureAnalyzer extends AbstractFailureAnalyzer<NoSuchBeanDefinitionException> {

    private final @Nullable ListableBeanFactory beanFactory;

    AlchemyFailureAnalyzer(BeanFactory beanFactory) {
        this.beanFactory = beanFactory instanceof ListableBeanFactory listable ? listable : null;
    }

    @Override
    protected @Nullable FailureAnalysis analyze(Throwable rootFailure, NoSuchBeanDefinitionException cause) {
        ResolvableType type = cause.getResolvableType();
        Class<?> wanted = type != null ? type.resolve() : null;
        if (wanted == null || !wanted.getName().startsWith("dev.alchemy.") || beanFactory == null) {
            return null;
        }
        String[] names = beanFactory.getBeanNamesForType(DataSource.class, true, false);
        if (names.length == 0) {
            return new FailureAnalysis(
                    "No " + wanted.getSimpleName() + " bean: Alchemy found no DataSource bean to connect through.",
                    "Set spring.datasource.url, define a DataSource bean, or leave both unset and let Alchemy's "
                            + "default (alchemy.url, an SQLite file by default) apply; check that "
                            + AlchemyDataSourceAutoConfiguration.class.getSimpleName() + " is not excluded.",
                    cause);
        }
        if (names.length > 1 && Arrays.stream(names).noneMatch(this::isPrimary)) {
            return new FailureAnalysis(
                    "No " + wanted.getSimpleName() + " bean: Alchemy needs one DataSource but found " + names.length
                            + " (" + String.join(", ", names) + ") and none is @Primary, so "
                            + AlchemyAutoConfiguration.class.getSimpleName() + " backed off.",
                    "Mark the DataSource Alchemy should use @Primary, or define your own Engine bean over the one you "
                            + "want: Engine.create(new SpringConnectionProvider(dataSource), EngineDialect.forName(\"...\"), "
                            + "EngineOptions.defaults(), dataSource).",
                    cause);
        }
        return null;
    }

    private boolean isPrimary(String name) {
        if (beanFactory instanceof ConfigurableListableBeanFactory configurable
                && configurable.containsBeanDefinition(name)) {
            BeanDefinition definition = configurable.getBeanDefinition(name);
            return definition.isPrimary();
        }
        return false;
    }
}
