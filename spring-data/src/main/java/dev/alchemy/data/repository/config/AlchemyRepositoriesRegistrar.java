package dev.alchemy.data.repository.config;

import java.lang.annotation.Annotation;
import org.springframework.data.repository.config.RepositoryBeanDefinitionRegistrarSupport;
import org.springframework.data.repository.config.RepositoryConfigurationExtension;

/** Registers the repository beans of {@link EnableAlchemyRepositories}. */
class AlchemyRepositoriesRegistrar extends RepositoryBeanDefinitionRegistrarSupport {

    @Override
    protected Class<? extends Annotation> getAnnotation() {
        return EnableAlchemyRepositories.class;
    }

    @Override
    protected RepositoryConfigurationExtension getExtension() {
        return new AlchemyRepositoryConfigExtension();
    }
}
