package dev.alchemy.boot.autoconfigure;

import dev.alchemy.data.repository.AlchemyRepository;
import dev.alchemy.data.repository.config.AlchemyRepositoryConfigExtension;
import dev.alchemy.data.repository.config.EnableAlchemyRepositories;
import dev.alchemy.data.repository.support.AlchemyRepositoryFactoryBean;
import dev.alchemy.orm.Session;
import java.lang.annotation.Annotation;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.data.AbstractRepositoryConfigurationSourceSupport;
import org.springframework.context.annotation.Import;
import org.springframework.data.repository.config.RepositoryConfigurationExtension;

/**
 * Alchemy's Spring Data repositories, when {@code alchemy-spring-data} is on the class path: every interface extending
 * {@link AlchemyRepository} (or another Spring Data repository of a class with {@code @dev.alchemy.orm.Table}) in the
 * application's package becomes a bean, as Spring Boot does for JPA and JDBC repositories. Backs off when the
 * application has {@link EnableAlchemyRepositories} of its own, or sets {@code alchemy.repositories.enabled=false}.
 */
@AutoConfiguration(after = AlchemyAutoConfiguration.class)
@ConditionalOnClass({AlchemyRepository.class, org.springframework.data.repository.Repository.class})
@ConditionalOnBean(Session.class)
@ConditionalOnMissingBean({AlchemyRepositoryFactoryBean.class, AlchemyRepositoryConfigExtension.class})
@ConditionalOnBooleanProperty(name = "alchemy.repositories.enabled", matchIfMissing = true)
@Import(AlchemyRepositoriesAutoConfiguration.Registrar.class)
public final class AlchemyRepositoriesAutoConfiguration {

    AlchemyRepositoriesAutoConfiguration() {}

    /** Registers the repositories of the auto-configuration packages. */
    static final class Registrar extends AbstractRepositoryConfigurationSourceSupport {

        @Override
        protected Class<? extends Annotation> getAnnotation() {
            return EnableAlchemyRepositories.class;
        }

        @Override
        protected Class<?> getConfiguration() {
            return EnableAlchemyRepositoriesConfiguration.class;
        }

        @Override
        protected RepositoryConfigurationExtension getRepositoryConfigurationExtension() {
            return new AlchemyRepositoryConfigExtension();
        }

        @EnableAlchemyRepositories
        private static final class EnableAlchemyRepositoriesConfiguration {}
    }
}
