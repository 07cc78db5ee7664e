package dev.alchemy.data.repository.config;

import dev.alchemy.data.repository.AlchemyRepository;
import dev.alchemy.data.repository.support.AlchemyRepositoryFactoryBean;
import dev.alchemy.orm.Table;
import java.lang.annotation.Annotation;
import java.util.Collection;
import java.util.List;
import org.springframework.beans.factory.support.BeanDefinitionBuilder;
import org.springframework.data.repository.config.AnnotationRepositoryConfigurationSource;
import org.springframework.data.repository.config.RepositoryConfigurationExtensionSupport;
import org.springframework.data.repository.config.RepositoryConfigurationSource;
import org.springframework.util.StringUtils;

/**
 * Alchemy's part of Spring Data's repository configuration: which interfaces are Alchemy repositories when several
 * Spring Data modules are present (those extending {@link AlchemyRepository}, or whose class has {@code
 * @dev.alchemy.orm.Table}), and how their factory beans are set up. Public for Spring Boot's auto-configuration.
 */
public class AlchemyRepositoryConfigExtension extends RepositoryConfigurationExtensionSupport {

    @Override
    public String getModuleName() {
        return "Alchemy";
    }

    @Override
    protected String getModulePrefix() {
        return "alchemy";
    }

    @Override
    public String getRepositoryFactoryBeanClassName() {
        return AlchemyRepositoryFactoryBean.class.getName();
    }

    @Override
    protected Collection<Class<? extends Annotation>> getIdentifyingAnnotations() {
        return List.of(Table.class);
    }

    @Override
    protected Collection<Class<?>> getIdentifyingTypes() {
        return List.of(AlchemyRepository.class);
    }

    @Override
    public void postProcess(BeanDefinitionBuilder builder, RepositoryConfigurationSource source) {
        source.getAttribute("transactionManagerRef")
                .filter(StringUtils::hasText)
                .ifPresent(name -> builder.addPropertyValue("transactionManager", name));
    }

    @Override
    public void postProcess(BeanDefinitionBuilder builder, AnnotationRepositoryConfigurationSource config) {
        config.getAttribute("sessionRef")
                .filter(StringUtils::hasText)
                .ifPresent(name -> builder.addPropertyReference("session", name));
    }
}
